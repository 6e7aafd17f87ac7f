package client

import (
	"encoding/json"
	"strings"
)

// answerKeys name, per path, the key of an answer without which it cannot
// be acted on: the id of the object it is about (created, changed or
// read). An answer lacking other required keys is kept, with a warning.
var answerKeys = map[string]string{
	PathBeaconUserCreate:             "id",
	PathBeaconUserGet:                "id",
	PathBeaconUserReview:             "id",
	PathBeaconUserUpdate:             "id",
	PathBeaconReportCreate:           "id",
	PathBeaconReportGet:              "id",
	PathBeaconDuplicateGet:           "id",
	PathBeaconReportSyndicationGet:   "id",
	PathPartnerCustomerCreate:        "end_customer.client_id",
	PathPartnerCustomerGet:           "end_customer.client_id",
	PathPartnerCustomerUpdate:        "end_customer.client_id",
	PathPartnerCustomerEnable:        "end_customer_client_id",
	PathPublicCustomerCreate:         "end_customer.client_id",
	PathPublicCustomerGet:            "end_customer.client_id",
	PathPublicCustomerEnable:         "production_secret",
	PathWebhookVerificationKeyGet:    "key",
	PathBeaconUserAccountInsightsGet: "beacon_user_id",
}

// answerKey is the key an answer of path cannot do without ("" for one
// whose every part is as good as another: a list, a removal).
func answerKey(path string) string { return answerKeys[path] }

// presentIn reports whether a JSON answer holds a non-empty value at a
// dotted path.
func presentIn(data []byte, path string) bool {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return false
	}
	for _, seg := range strings.Split(path, ".") {
		obj, isObject := v.(map[string]any)
		if !isObject {
			return false
		}
		v = obj[seg]
	}
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	}
	return true
}

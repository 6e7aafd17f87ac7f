module github.com/plaid-onboard/plaid-onboard

go 1.26.8

require (
	github.com/biter777/countries v1.7.5
	github.com/nyaruka/phonenumbers v1.8.1
	google.golang.org/protobuf v1.36.11
)

require golang.org/x/text v0.24.0 // indirect

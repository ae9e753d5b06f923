// The client and types swift-openapi-generator writes from openapi.json (`surety openapi -o openapi.json`) at build time.

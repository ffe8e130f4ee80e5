// Command daprd is the Dapr sidecar runtime, linked with the components in components.go.
package main

import "github.com/dapr/dapr/cmd/daprd/app"

func main() {
	app.Run()
}

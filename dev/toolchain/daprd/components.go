package main

import (
	"github.com/dapr/components-contrib/bindings/http"
	nrKubernetes "github.com/dapr/components-contrib/nameresolution/kubernetes"
	"github.com/dapr/components-contrib/nameresolution/mdns"
	"github.com/dapr/components-contrib/nameresolution/sqlite"
	"github.com/dapr/components-contrib/pubsub/kafka"
	secretsKubernetes "github.com/dapr/components-contrib/secretstores/kubernetes"
	"github.com/dapr/components-contrib/secretstores/local/env"
	"github.com/dapr/components-contrib/secretstores/local/file"
	"github.com/dapr/components-contrib/state/redis"
	bindingsLoader "github.com/dapr/dapr/pkg/components/bindings"
	nrLoader "github.com/dapr/dapr/pkg/components/nameresolution"
	pubsubLoader "github.com/dapr/dapr/pkg/components/pubsub"
	secretstoresLoader "github.com/dapr/dapr/pkg/components/secretstores"
	stateLoader "github.com/dapr/dapr/pkg/components/state"
)

// The components CommerceX runs on: sqlite name resolution in self-hosted mode (loopback has no mDNS
// multicast); in Kubernetes the sidecar resolves apps and reads secrets through the API server.
func init() {
	pubsubLoader.DefaultRegistry.RegisterComponent(kafka.NewKafka, "kafka")
	stateLoader.DefaultRegistry.RegisterComponent(redis.NewRedisStateStore, "redis")
	secretstoresLoader.DefaultRegistry.RegisterComponent(file.NewLocalSecretStore, "local.file")
	secretstoresLoader.DefaultRegistry.RegisterComponent(env.NewEnvSecretStore, "local.env")
	bindingsLoader.DefaultRegistry.RegisterOutputBinding(http.NewHTTP, "http")
	nrLoader.DefaultRegistry.RegisterComponent(sqlite.NewResolver, "sqlite")
	nrLoader.DefaultRegistry.RegisterComponent(mdns.NewResolver, "mdns")
	nrLoader.DefaultRegistry.RegisterComponent(nrKubernetes.NewResolver, "kubernetes")
	secretstoresLoader.DefaultRegistry.RegisterComponent(secretsKubernetes.NewKubernetesSecretStore, "kubernetes")
}

// Prints the proxy Go's net/http (http.ProxyFromEnvironment, the function client-go, helm and
// kubectl use) picks for each URL given as an argument, one line each: the proxy URL or DIRECT.
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	for _, raw := range os.Args[1:] {
		req, err := http.NewRequest("GET", raw, nil)
		if err != nil {
			fmt.Println("ERROR", err)
			continue
		}
		proxy, err := http.ProxyFromEnvironment(req)
		switch {
		case err != nil:
			fmt.Println("ERROR", err)
		case proxy == nil:
			fmt.Println("DIRECT")
		default:
			fmt.Println(proxy.Scheme + "://" + proxy.Host)
		}
	}
}

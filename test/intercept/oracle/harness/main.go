// Command oracle prints, as JSON, what Intercept's own packages say about every policy in a
// folder: the errors `intercept validate` prints, the Go type and value of every scalar yaml.v3
// decodes, and the engine's decision on each call listed in a `*.calls.json` beside the policy.
//
// It imports Intercept's internal packages, so it only builds inside Intercept's module:
// scripts/intercept-oracle.sh copies it there. Usage: oracle CASES_DIR > expected.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/policylayer/intercept/internal/config"
	"github.com/policylayer/intercept/internal/engine"
	"gopkg.in/yaml.v3"
)

// result is one case; the field order is the order of the keys in expected.json.
type result struct {
	Validate []string   `json:"validate"`
	Values   any        `json:"values"`
	Calls    []decision `json:"calls,omitempty"`
}

// decision is engine.Decision under lower-case keys.
type decision struct {
	Allowed bool   `json:"allowed"`
	Message string `json:"message"`
	Rule    string `json:"rule"`
}

// call is one entry of a `*.calls.json`: a tool call and the counters the state store holds.
type call struct {
	Tool     string             `json:"tool"`
	Args     map[string]any     `json:"args"`
	Counters map[string]float64 `json:"counters"`
}

// counters answers state paths as Intercept's stores do: int64, 0 when never counted.
type counters map[string]float64

func (c counters) Resolve(path string) (any, bool, error) {
	return int64(c[strings.TrimPrefix(path, "state.")]), true, nil
}

// validate is `intercept validate -c path` (cmd/validate.go) without the "Error: " prefixes.
func validate(path string) []string {
	out := []string{}
	cfg, err := config.Load(path)
	if err != nil {
		return append(out, err.Error())
	}
	for _, e := range config.Validate(cfg) {
		out = append(out, e.Error())
	}
	return out
}

// describe is a decoded value as `%T:%v`, with lists as arrays and string-keyed maps as
// {"map[string]interface {}": [[key, value], ...]} sorted by key. Other maps stay `%T:%v`.
func describe(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, item := range x {
			out[i] = describe(item)
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		pairs := make([]any, len(keys))
		for i, k := range keys {
			pairs[i] = []any{k, describe(x[k])}
		}
		return map[string]any{fmt.Sprintf("%T", x): pairs}
	default:
		return fmt.Sprintf("%T:%v", v, v)
	}
}

// values is what yaml.v3 decodes the file into as `any`, or its error.
func values(data []byte) any {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return map[string]string{"error": err.Error()}
	}
	return describe(v)
}

// decide runs the engine over the calls in callsPath, if that file exists.
func decide(policyPath, callsPath string) ([]decision, error) {
	data, err := os.ReadFile(callsPath)
	if os.IsNotExist(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var calls []call
	if err := json.Unmarshal(data, &calls); err != nil {
		return nil, fmt.Errorf("%s: %w", callsPath, err)
	}
	cfg, err := config.Load(policyPath)
	if err != nil {
		return nil, err
	}
	out := make([]decision, len(calls))
	for i, c := range calls {
		d := engine.New(cfg, counters(c.Counters)).Evaluate(engine.ToolCall{Name: c.Tool, Arguments: c.Args})
		out[i] = decision{Allowed: d.Allowed, Message: d.Message, Rule: d.Rule}
	}
	return out, nil
}

func run(dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	all := map[string]result{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		calls, err := decide(path, strings.TrimSuffix(path, ".yaml")+".calls.json")
		if err != nil {
			return err
		}
		all[filepath.Base(path)] = result{Validate: validate(path), Values: values(data), Calls: calls}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(all)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: oracle CASES_DIR > expected.json")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(1)
	}
}

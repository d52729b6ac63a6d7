import ContainModel
import ContainNetwork

// Sources cited in the reasons:
//   [docs] https://kubernetes.io/docs/concepts/services-networking/network-policies/
//   [types] kubernetes/kubernetes pkg/apis/networking/types.go (field comments)
//   [defaults] pkg/apis/networking/v1/defaults.go: SetDefaults_NetworkPolicy (len(policyTypes)==0 => [Ingress] + Egress if len(egress)!=0)
//   [model] a documented choice of this model (see ReachabilityEngine's doc comment)
// Expected answers were written by hand from those texts, not computed by the engine.

// Recurring policies.
private let denyIngressA = policy("a", "deny-ingress")
private let denyEgressA = policy("a", "deny-egress", types: [.egress])
private let apiFromWeb = policy("a", "api-from-web", selecting: .app("api"), ingress: [allowFrom([pods(.app("web"))])])
private let apiFromTeamB = policy(
    "a", "api-from-team-b", selecting: .app("api"), ingress: [allowFrom([namespaces(.team("b"))])])
private let apiFromAllNamespaces = policy(
    "a", "api-from-all-ns", selecting: .app("api"), ingress: [allowFrom([namespaces(.all)])])
private let apiFromOwnNamespace = policy(
    "a", "api-from-own-ns", selecting: .app("api"), ingress: [allowFrom([pods(.all)])])
private let apiAnd = policy(
    "a", "api-and", selecting: .app("api"), ingress: [allowFrom([podsIn(.team("b"), .app("client"))])])
private let apiOr = policy(
    "a", "api-or", selecting: .app("api"), ingress: [allowFrom([namespaces(.team("b")), pods(.app("client"))])])
private let apiFromClient = policy("a", "api-from-client", selecting: .app("api"), ingress: [allowFrom([pods(.app("client"))])])
private let apiTwoRules = policy(
    "a", "api-two-rules", selecting: .app("api"),
    ingress: [allowFrom([pods(.app("web"))], ports: [tcp(9090)]), allowFrom([pods(.app("client"))], ports: [tcp(9100)])])
private let apiPort9090 = policy("a", "api-9090", selecting: .app("api"), ingress: [allowFrom(nil, ports: [tcp(9090)])])
private let webUDP53 = policy("a", "web-udp-53", selecting: .app("web"), ingress: [allowFrom(nil, ports: [udp(53)])])
private let apiSCTP = policy("a", "api-sctp", selecting: .app("api"), ingress: [allowFrom(nil, ports: [sctp(9999)])])
private let apiAnyUDP = policy("a", "api-any-udp", selecting: .app("api"), ingress: [allowFrom(nil, ports: [udp()])])
private let apiRange = policy(
    "a", "api-range", selecting: .app("api"), ingress: [allowFrom(nil, ports: [tcp(9000, end: 9100)])])
private let namedHTTP = policy(
    "a", "named-http",
    selecting: LabelSelector(matchExpressions: [.init(key: "app", operator: .in, values: ["web", "api", "db"])]),
    ingress: [allowFrom([pods(.all)], ports: [tcp("http")])])
private let webDNSTCP = policy("a", "web-dns-tcp", selecting: .app("web"), ingress: [allowFrom(nil, ports: [tcp("dns")])])
private let webDNSUDP = policy("a", "web-dns-udp", selecting: .app("web"), ingress: [allowFrom(nil, ports: [udp("dns")])])
private let clientEgressHTTP = policy(
    "a", "client-egress-http", selecting: .app("client"), types: [.egress], egress: [allowTo(nil, ports: [tcp("http")])])
private let webEgressToAPI = policy("a", "web-to-api", selecting: .app("web"), types: [.egress], egress: [allowTo([pods(.app("api"))])])
private let webEgressToTeamB = policy(
    "a", "web-to-team-b", selecting: .app("web"), types: [.egress], egress: [allowTo([namespaces(.team("b"))])])
private let webEgressAll = policy("a", "web-egress-all", selecting: .app("web"), types: [.egress], egress: [allowTo(nil)])
private let denyAllBothA = policy("a", "deny-all", types: [.ingress, .egress])
private let egressPrivate = policy(
    "a", "egress-private", selecting: .app("web"), types: [.egress],
    egress: [allowTo([block("10.0.0.0/8", except: ["10.1.0.0/16"])])])
private let ingressDocNet = policy(
    "a", "ingress-docnet", selecting: .app("api"), ingress: [allowFrom([block("203.0.113.0/24")])])
private let egress443 = policy("a", "egress-443", selecting: .app("web"), types: [.egress], egress: [allowTo(nil, ports: [tcp(443)])])
private let egressDNS = policy(
    "a", "egress-dns", selecting: .app("web"), types: [.egress], egress: [allowTo([block("0.0.0.0/0")], ports: [udp(53)])])
private let egressV6 = policy(
    "a", "egress-v6", selecting: .app("web"), types: [.egress],
    egress: [allowTo([block("2001:db8::/32", except: ["2001:db8:1::/48"])])])
private let egressEverywhereByIP = policy(
    "a", "egress-ipblock-only", selecting: .app("web"), types: [.egress], egress: [allowTo([block("0.0.0.0/0")])])

/// The truth table: every NetworkPolicy rule and its edge cases.
let truthTable: [TruthCase] = [
    // MARK: Isolation and defaulting
    TruthCase(id: 1, policies: [], query: .pods(from: "b/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] By default a pod is non-isolated for ingress and egress: all connections allowed"),
    TruthCase(id: 2, policies: [denyIngressA], query: .pods(from: "b/client", to: "a/web", port: 8080, .tcp), expected: false,
        reason: "[docs] Default deny ingress: podSelector {} with no ingress rules isolates every pod of the namespace"),
    TruthCase(id: 3, policies: [denyIngressA], query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: true,
        reason: "[docs] A policy only selects pods in its own namespace; b/web is not isolated"),
    TruthCase(id: 4, policies: [denyIngressA], query: .pods(from: "a/web", to: "a/web", port: 1, .udp), expected: true,
        reason: "[docs] a pod cannot block access to itself"),
    TruthCase(id: 5, policies: [denyIngressA], query: .pods(from: "a/web", to: "c/client", port: 80, .tcp), expected: true,
        reason: "[defaults] policyTypes unset and no egress rules => only Ingress; a/web's egress stays open"),
    TruthCase(id: 6, policies: [policy("a", "explicit-empty", ingress: [])],
        query: .pods(from: "a/db", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] ingress: [] (no rules) isolates and allows nothing — default deny"),
    TruthCase(id: 7, policies: [policy("a", "allow-all", ingress: [allowFrom(nil)])],
        query: .pods(from: "c/client", to: "a/api", port: 4242, .sctp), expected: true,
        reason: "[docs] Allow all ingress: ingress: [{}] — one rule with no from and no ports matches everything"),
    TruthCase(id: 8, policies: [denyEgressA], query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: false,
        reason: "[docs] Default deny egress: policyTypes [Egress] with no egress rules"),
    TruthCase(id: 9, policies: [denyEgressA], query: .pods(from: "b/client", to: "a/web", port: 8080, .tcp), expected: true,
        reason: "[docs] An Egress-only policy does not isolate its pods for ingress"),
    TruthCase(id: 10, policies: [policy("a", "egress-rules-default", selecting: .app("web"), egress: [allowTo(nil)])],
        query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: true,
        reason: "[defaults] policyTypes unset with egress rules => [Ingress, Egress]; the egress rule {} allows all"),
    TruthCase(id: 11, policies: [policy("a", "egress-rules-default", selecting: .app("web"), egress: [allowTo(nil)])],
        query: .pods(from: "b/client", to: "a/web", port: 8080, .tcp), expected: false,
        reason: "[defaults] Ingress is always defaulted into policyTypes, so a/web is isolated for ingress with no rules"),
    TruthCase(id: 12, policies: [policy("a", "egress-empty-default", egress: [])],
        query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: true,
        reason: "[defaults] egress: [] has no rules, so Egress is not defaulted in: egress not isolated"),
    TruthCase(id: 13,
        policies: [policy("a", "ingress-only-typed", types: [.ingress], egress: [allowTo([pods(.app("nothing"))])])],
        query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: true,
        reason: "[types] policyTypes [Ingress] set explicitly: egress rules are ignored, egress not isolated"),
    TruthCase(id: 14, policies: [denyAllBothA], query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: false,
        reason: "[docs] Default deny all: policyTypes [Ingress, Egress] with no rules isolates egress"),
    TruthCase(id: 15, policies: [denyAllBothA], query: .pods(from: "b/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] Default deny all also isolates ingress"),
    TruthCase(id: 16,
        policies: [policy("a", "egress-typed", selecting: .app("web"), types: [.egress], ingress: [allowFrom([pods(.app("nothing"))])])],
        query: .pods(from: "b/client", to: "a/web", port: 8080, .tcp), expected: true,
        reason: "[types] policyTypes [Egress]: ingress rules are ignored and the pod is not isolated for ingress"),
    TruthCase(id: 17, policies: [denyEgressA, apiFromWeb], query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] Both sides must allow: a/api's ingress allows a/web but a/web's egress is denied"),
    TruthCase(id: 18, policies: [apiFromWeb], query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] Destination isolated for ingress; a rule allows app=web from the policy's namespace"),
    TruthCase(id: 19, policies: [apiFromWeb], query: .pods(from: "a/db", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] Isolated destination: connections not allowed by any rule are denied"),
    TruthCase(id: 20, policies: [apiFromWeb], query: .pods(from: "b/client", to: "a/web", port: 8080, .tcp), expected: true,
        reason: "[docs] a/web is not selected by the app=api policy, so it is not isolated"),
    TruthCase(id: 21,
        policies: [policy("a", "deny-api-db",
            selecting: LabelSelector(matchExpressions: [.init(key: "app", operator: .in, values: ["api", "db"])]))],
        query: .pods(from: "a/web", to: "a/db", port: 5432, .tcp), expected: false,
        reason: "[types] spec.podSelector matchExpressions (In) selects a/db, which is isolated with no rules"),
    TruthCase(id: 22,
        policies: [policy("a", "deny-unlabelled",
            selecting: LabelSelector(matchExpressions: [.init(key: "app", operator: .doesNotExist)]))],
        query: .pods(from: "b/client", to: "a/web", port: 8080, .tcp), expected: true,
        reason: "[types] podSelector app DoesNotExist selects no labelled pod; a/web not isolated"),

    // MARK: Peers
    TruthCase(id: 23, policies: [apiFromWeb], query: .pods(from: "b/web", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] podSelector alone selects pods in the policy's own namespace only; b/web is elsewhere"),
    TruthCase(id: 24, policies: [apiFromTeamB], query: .pods(from: "b/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] namespaceSelector alone selects all pods in matching namespaces (team=b)"),
    TruthCase(id: 25, policies: [apiFromTeamB], query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] namespace c has no team=b label"),
    TruthCase(id: 26, policies: [apiFromTeamB], query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] namespaceSelector does not implicitly include the policy's own namespace"),
    TruthCase(id: 27, policies: [apiFromAllNamespaces], query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] namespaceSelector {} selects all namespaces"),
    TruthCase(id: 28, policies: [apiFromOwnNamespace], query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] podSelector {} without namespaceSelector selects all pods of the policy's namespace only"),
    TruthCase(id: 29, policies: [apiFromOwnNamespace], query: .pods(from: "a/db", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] podSelector {} selects every pod of the policy's namespace"),
    TruthCase(id: 30, policies: [apiAnd], query: .pods(from: "b/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] namespaceSelector and podSelector in one peer (AND): client pods in team=b namespaces"),
    TruthCase(id: 31, policies: [apiAnd], query: .pods(from: "b/web", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] AND peer: right namespace, wrong pod labels"),
    TruthCase(id: 32, policies: [apiAnd], query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] AND peer: right pod labels, wrong namespace"),
    TruthCase(id: 33, policies: [apiOr], query: .pods(from: "b/web", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] Separate peers are ORed: b/web matches the namespaceSelector peer"),
    TruthCase(id: 34, policies: [apiOr], query: .pods(from: "a/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] Separate peers are ORed: a/client matches the podSelector peer (own namespace)"),
    TruthCase(id: 35, policies: [apiOr], query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] OR peers: c/client is app=client but the podSelector peer is limited to namespace a"),
    TruthCase(id: 36, policies: [policy("a", "from-c", selecting: .app("api"), ingress: [allowFrom([namespaces(.nsName("c"))])])],
        query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] Every namespace carries kubernetes.io/metadata.name=<name>, usable by namespaceSelector"),
    TruthCase(id: 37, policies: [policy("a", "from-c", selecting: .app("api"), ingress: [allowFrom([namespaces(.nsName("c"))])])],
        query: .pods(from: "b/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] kubernetes.io/metadata.name=c does not match namespace b"),
    TruthCase(id: 38, policies: [policy("a", "from-ns-a", selecting: .app("api"), ingress: [allowFrom([namespaces(.nsName("a"))])])],
        query: .pods(from: "d/spoof", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] The API server sets kubernetes.io/metadata.name to the namespace's own name; d cannot claim a",
        extraNamespaces: [NetworkNamespace(name: "d", labels: ["kubernetes.io/metadata.name": "a"])],
        extraPods: [NetworkPod(namespace: "d", name: "spoof")]),
    TruthCase(id: 39, policies: [apiFromAllNamespaces], query: .pods(from: "e/x", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] namespaceSelector {} matches every namespace, including one only known from its pods",
        extraPods: [NetworkPod(namespace: "e", name: "x")]),
    TruthCase(id: 40,
        policies: [policy("a", "teams-ab", selecting: .app("api"), ingress: [allowFrom([namespaces(
            LabelSelector(matchExpressions: [.init(key: "team", operator: .in, values: ["a", "b"])]))])])],
        query: .pods(from: "b/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] namespaceSelector with matchExpressions team In (a, b) matches namespace b"),
    TruthCase(id: 41,
        policies: [policy("a", "teams-exist", selecting: .app("api"), ingress: [allowFrom([namespaces(
            LabelSelector(matchExpressions: [.init(key: "team", operator: .exists)]))])])],
        query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] namespaceSelector team Exists: namespace c has no team label"),
    TruthCase(id: 42, policies: [policy("a", "from-empty-list", selecting: .app("api"), ingress: [allowFrom([])])],
        query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] From: \"If this field is empty or missing, this rule matches all sources\" — from: [] == absent"),
    TruthCase(id: 43, policies: [policy("a", "from-absent", selecting: .app("api"), ingress: [allowFrom(nil)])],
        query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] From missing: the rule matches all sources"),
    TruthCase(id: 44, policies: [policy("a", "from-ipblock", selecting: .app("api"), ingress: [allowFrom([block("0.0.0.0/0")])])],
        query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[model] ipBlock is for cluster-external IPs; this model never matches pods by ipBlock"),
    TruthCase(id: 45, policies: [policy("b", "deny-b")], query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] A policy in namespace b does not select pods of namespace a"),
    TruthCase(id: 46, policies: [policy("b", "b-api", selecting: .app("api"))],
        query: .pods(from: "b/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] spec.podSelector is namespace-scoped: app=api in b does not select a/api"),
    TruthCase(id: 47, policies: [policy("a", "empty-peer", selecting: .app("api"), ingress: [allowFrom([NetworkPolicyPeer()])])],
        query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] A peer with no field set selects nothing (the API rejects it); the pod stays isolated"),

    // MARK: Additivity
    TruthCase(id: 48, policies: [apiFromWeb, apiFromClient], query: .pods(from: "a/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] Policies are additive: the union of both policies' rules applies"),
    TruthCase(id: 49, policies: [apiFromWeb, apiFromClient], query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] Policies are additive: the first policy allows a/web"),
    TruthCase(id: 50, policies: [apiFromWeb, apiFromClient], query: .pods(from: "a/db", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] Union of rules still excludes app=db"),
    TruthCase(id: 51, policies: [denyIngressA, apiFromWeb], query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] Policies do not conflict: a deny-all plus an allow policy allows what the allow policy lists"),
    TruthCase(id: 52, policies: [apiTwoRules], query: .pods(from: "a/client", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] Each rule ANDs its ports and peers: client is allowed only on 9100"),
    TruthCase(id: 53, policies: [apiTwoRules], query: .pods(from: "a/client", to: "a/api", port: 9100, .tcp), expected: true,
        reason: "[types] The second rule allows app=client on 9100"),
    TruthCase(id: 54, policies: [apiTwoRules], query: .pods(from: "a/web", to: "a/api", port: 9100, .tcp), expected: false,
        reason: "[types] Rules are ORed but each matches both ports and peers: web only on 9090"),

    // MARK: Ports and protocols
    TruthCase(id: 55, policies: [apiPort9090], query: .pods(from: "b/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] NetworkPolicyPort.protocol defaults to TCP; port 9090 matches"),
    TruthCase(id: 56, policies: [apiPort9090], query: .pods(from: "b/client", to: "a/api", port: 9091, .tcp), expected: false,
        reason: "[types] A single port without endPort matches only that port"),
    TruthCase(id: 57, policies: [apiPort9090], query: .pods(from: "b/client", to: "a/api", port: 9090, .udp), expected: false,
        reason: "[types] protocol unset means TCP only; UDP 9090 does not match"),
    TruthCase(id: 58, policies: [webUDP53], query: .pods(from: "a/api", to: "a/web", port: 53, .udp), expected: true,
        reason: "[types] protocol UDP port 53 matches UDP 53"),
    TruthCase(id: 59, policies: [webUDP53], query: .pods(from: "a/api", to: "a/web", port: 53, .tcp), expected: false,
        reason: "[types] protocol UDP does not match TCP on the same number"),
    TruthCase(id: 60, policies: [apiSCTP], query: .pods(from: "a/web", to: "a/api", port: 9999, .sctp), expected: true,
        reason: "[types] protocol SCTP is supported and matches SCTP"),
    TruthCase(id: 61, policies: [apiSCTP], query: .pods(from: "a/web", to: "a/api", port: 9999, .tcp), expected: false,
        reason: "[types] an SCTP port does not allow TCP"),
    TruthCase(id: 62, policies: [apiAnyUDP], query: .pods(from: "a/web", to: "a/api", port: 12345, .udp), expected: true,
        reason: "[types] Port unset: all ports of the given protocol match"),
    TruthCase(id: 63, policies: [apiAnyUDP], query: .pods(from: "a/web", to: "a/api", port: 80, .tcp), expected: false,
        reason: "[types] Port unset but protocol UDP: TCP does not match"),
    TruthCase(id: 64, policies: [apiRange], query: .pods(from: "a/web", to: "a/api", port: 9100, .tcp), expected: true,
        reason: "[types] endPort is inclusive: 9000-9100 includes 9100"),
    TruthCase(id: 65, policies: [apiRange], query: .pods(from: "a/web", to: "a/api", port: 9000, .tcp), expected: true,
        reason: "[types] endPort range includes its start port"),
    TruthCase(id: 66, policies: [apiRange], query: .pods(from: "a/web", to: "a/api", port: 9101, .tcp), expected: false,
        reason: "[types] 9101 is past endPort 9100"),
    TruthCase(id: 67, policies: [apiRange], query: .pods(from: "a/web", to: "a/api", port: 8999, .tcp), expected: false,
        reason: "[types] 8999 is before the range start"),
    TruthCase(id: 68, policies: [apiFromWeb], query: .pods(from: "a/web", to: "a/api", port: 5000, .udp), expected: true,
        reason: "[types] Ports missing: the rule matches all ports and protocols"),

    // MARK: Named ports (resolved per destination pod)
    TruthCase(id: 69, policies: [namedHTTP], query: .pods(from: "a/client", to: "a/web", port: 8080, .tcp), expected: true,
        reason: "[types] Named port http resolves to a/web's container port 8080"),
    TruthCase(id: 70, policies: [namedHTTP], query: .pods(from: "a/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] The same named port resolves to 9090 on a/api (per pod)"),
    TruthCase(id: 71, policies: [namedHTTP], query: .pods(from: "a/client", to: "a/web", port: 9090, .tcp), expected: false,
        reason: "[types] On a/web http is 8080, so 9090 is not allowed there"),
    TruthCase(id: 72, policies: [namedHTTP], query: .pods(from: "a/client", to: "a/api", port: 8080, .tcp), expected: false,
        reason: "[types] On a/api http is 9090, so 8080 is not allowed there"),
    TruthCase(id: 73, policies: [namedHTTP], query: .pods(from: "a/client", to: "a/db", port: 8080, .tcp), expected: false,
        reason: "[types] a/db declares no port named http: the named port matches nothing, pod isolated"),
    TruthCase(id: 74, policies: [webDNSTCP], query: .pods(from: "a/api", to: "a/web", port: 53, .udp), expected: false,
        reason: "[types] Named port dns with default protocol TCP does not match the UDP container port dns"),
    TruthCase(id: 106, policies: [webDNSTCP], query: .pods(from: "a/api", to: "a/web", port: 53, .tcp), expected: false,
        reason: "[types] Named port dns (TCP) needs a TCP container port named dns; a/web's dns is UDP"),
    TruthCase(id: 75, policies: [webDNSUDP], query: .pods(from: "a/api", to: "a/web", port: 53, .udp), expected: true,
        reason: "[types] Named port dns with protocol UDP resolves to a/web's UDP 53"),
    TruthCase(id: 76, policies: [clientEgressHTTP], query: .pods(from: "a/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] Egress named ports resolve against the destination pod: a/api http=9090"),
    TruthCase(id: 77, policies: [clientEgressHTTP], query: .pods(from: "a/client", to: "a/web", port: 9090, .tcp), expected: false,
        reason: "[types] Egress named port: a/web's http is 8080, not 9090"),
    TruthCase(id: 78, policies: [clientEgressHTTP], query: .pods(from: "a/client", to: "b/web", port: 8080, .tcp), expected: true,
        reason: "[types] to missing matches all destinations; b/web's http is 8080"),
    TruthCase(id: 79, policies: [clientEgressHTTP], query: .toAddress(from: "a/client", address: "8.8.8.8", port: 8080, .tcp), expected: false,
        reason: "[model] A named port cannot resolve on an external address"),

    // MARK: Egress peers and both sides
    TruthCase(id: 80, policies: [webEgressToAPI], query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] Egress to podSelector app=api in the policy's namespace"),
    TruthCase(id: 81, policies: [webEgressToAPI], query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: false,
        reason: "[docs] Egress isolated: destinations not listed are denied"),
    TruthCase(id: 82, policies: [webEgressToTeamB], query: .pods(from: "a/web", to: "b/client", port: 80, .tcp), expected: true,
        reason: "[types] Egress to namespaceSelector team=b"),
    TruthCase(id: 83, policies: [webEgressAll, policy("a", "deny-api", selecting: .app("api"))],
        query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] Egress allows but the destination's ingress denies: both must allow"),
    TruthCase(id: 84, policies: [webEgressToAPI, apiFromWeb], query: .pods(from: "a/web", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] Source egress and destination ingress both allow"),
    TruthCase(id: 85, policies: [webEgressToAPI, apiFromWeb], query: .pods(from: "a/web", to: "a/db", port: 5432, .tcp), expected: false,
        reason: "[docs] a/db is not isolated for ingress but a/web's egress does not list it"),

    // MARK: Pod to itself
    TruthCase(id: 86, policies: [denyAllBothA], query: .pods(from: "a/api", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] \"a pod cannot block access to itself\": self traffic allowed even under deny-all"),
    TruthCase(id: 87, policies: [apiFromWeb], query: .pods(from: "a/api", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] \"a pod cannot block access to itself\": api is not app=web yet reaches itself"),

    // MARK: ipBlock and external addresses
    TruthCase(id: 88, policies: [egressPrivate], query: .toAddress(from: "a/web", address: "10.2.3.4", port: 443, .tcp), expected: true,
        reason: "[types] ipBlock cidr 10.0.0.0/8 contains 10.2.3.4"),
    TruthCase(id: 89, policies: [egressPrivate], query: .toAddress(from: "a/web", address: "10.1.2.3", port: 443, .tcp), expected: false,
        reason: "[types] except 10.1.0.0/16 removes 10.1.2.3 from the block"),
    TruthCase(id: 90, policies: [egressPrivate], query: .toAddress(from: "a/web", address: "192.168.1.1", port: 443, .tcp), expected: false,
        reason: "[types] 192.168.1.1 is outside the block; egress isolated"),
    TruthCase(id: 91, policies: [ingressDocNet], query: .fromAddress(address: "203.0.113.7", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] ingress from ipBlock 203.0.113.0/24 admits 203.0.113.7"),
    TruthCase(id: 92, policies: [ingressDocNet], query: .fromAddress(address: "198.51.100.1", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] 198.51.100.1 is outside the block; ingress isolated"),
    TruthCase(id: 93, policies: [denyIngressA], query: .toAddress(from: "a/web", address: "8.8.8.8", port: 53, .udp), expected: true,
        reason: "[docs] No policy isolates a/web for egress: external traffic allowed"),
    TruthCase(id: 94, policies: [egress443], query: .toAddress(from: "a/web", address: "1.1.1.1", port: 443, .tcp), expected: true,
        reason: "[types] to missing matches all destinations, external included; port 443 listed"),
    TruthCase(id: 95, policies: [egress443], query: .toAddress(from: "a/web", address: "1.1.1.1", port: 80, .tcp), expected: false,
        reason: "[types] Only 443 is listed"),
    TruthCase(id: 96, policies: [apiFromWeb], query: .fromAddress(address: "203.0.113.7", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[types] podSelector peers select pods, never external addresses"),
    TruthCase(id: 97, policies: [egressDNS], query: .toAddress(from: "a/web", address: "8.8.8.8", port: 53, .udp), expected: true,
        reason: "[types] ipBlock 0.0.0.0/0 with UDP 53"),
    TruthCase(id: 98, policies: [egressDNS], query: .toAddress(from: "a/web", address: "8.8.8.8", port: 53, .tcp), expected: false,
        reason: "[types] Only UDP 53 is listed; TCP 53 denied"),
    TruthCase(id: 99, policies: [egressV6], query: .toAddress(from: "a/web", address: "2001:db8:2::1", port: 443, .tcp), expected: true,
        reason: "[types] IPv6 ipBlock 2001:db8::/32 contains 2001:db8:2::1"),
    TruthCase(id: 100, policies: [egressV6], query: .toAddress(from: "a/web", address: "2001:db8:1::1", port: 443, .tcp), expected: false,
        reason: "[types] IPv6 except 2001:db8:1::/48 removes the address"),
    TruthCase(id: 101, policies: [egressV6], query: .toAddress(from: "a/web", address: "10.0.0.1", port: 443, .tcp), expected: false,
        reason: "[types] An IPv4 address is not inside an IPv6 block"),
    TruthCase(id: 102, policies: [egressEverywhereByIP], query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: false,
        reason: "[model] ipBlock 0.0.0.0/0 does not cover pods in this model; egress to pods denied"),
    TruthCase(id: 103, policies: [egressEverywhereByIP], query: .toAddress(from: "a/web", address: "93.184.216.34", port: 80, .tcp), expected: true,
        reason: "[types] ipBlock 0.0.0.0/0 with no ports allows any external IPv4 address and port"),
    TruthCase(id: 104,
        policies: [policy("a", "two-blocks", selecting: .app("web"), types: [.egress],
            egress: [allowTo([block("10.0.0.0/8", except: ["10.9.0.0/16"]), block("10.9.9.0/24")])])],
        query: .toAddress(from: "a/web", address: "10.9.9.9", port: 80, .tcp), expected: true,
        reason: "[docs] Peers are ORed: excluded by the first block's except but inside the second block"),
    TruthCase(id: 105, policies: [policy("a", "from-absent-ext", selecting: .app("api"), ingress: [allowFrom(nil, ports: [tcp(9090)])])],
        query: .fromAddress(address: "198.51.100.1", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] from missing matches all sources, external addresses included"),
    TruthCase(id: 107, policies: [policy("a", "ports-empty", selecting: .app("api"), ingress: [allowFrom([pods(.app("web"))], ports: [])])],
        query: .pods(from: "a/web", to: "a/api", port: 7, .udp), expected: true,
        reason: "[types] Ports: \"If this field is empty or missing, this rule matches all ports\" — ports: [] == absent"),
    TruthCase(id: 108, policies: [policy("a", "to-empty", selecting: .app("web"), types: [.egress], egress: [allowTo([])])],
        query: .pods(from: "a/web", to: "c/client", port: 80, .tcp), expected: true,
        reason: "[types] To: \"If this field is empty or missing, this rule matches all destinations\" — to: [] == absent"),
    TruthCase(id: 109, policies: [policy("a", "all-pods-all-ns", selecting: .app("api"), ingress: [allowFrom([podsIn(.all, .all)])])],
        query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[types] namespaceSelector {} AND podSelector {}: every pod in every namespace"),
    TruthCase(id: 110, policies: [policy("a", "clients-anywhere", selecting: .app("api"), ingress: [allowFrom([podsIn(.all, .app("client"))])])],
        query: .pods(from: "c/client", to: "a/api", port: 9090, .tcp), expected: true,
        reason: "[docs] namespaceSelector {} with podSelector app=client: client pods in any namespace"),
    TruthCase(id: 111, policies: [policy("a", "clients-anywhere", selecting: .app("api"), ingress: [allowFrom([podsIn(.all, .app("client"))])])],
        query: .pods(from: "b/web", to: "a/api", port: 9090, .tcp), expected: false,
        reason: "[docs] namespaceSelector {} AND podSelector app=client: b/web is not a client"),
    TruthCase(id: 112, policies: [policy("a", "egress-udp-any", selecting: .app("web"), egress: [allowTo(nil, ports: [udp()])])],
        query: .pods(from: "a/web", to: "b/web", port: 8080, .tcp), expected: false,
        reason: "[defaults] Egress defaulted in by the egress rule; only UDP is allowed out, so TCP 8080 is denied"),
]

import ArgumentParser

/// `contain netpol …`: NetworkPolicy reachability computed from manifests alone.
struct NetpolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netpol",
        abstract: "Compute who can reach whom under Kubernetes NetworkPolicies, from manifests alone.",
        discussion: """
            Inputs are Namespaces (with labels), Pods and workloads with pod templates (one representative \
            pod each, named after the workload), and NetworkPolicies (networking.k8s.io/v1); --workloads adds \
            a what-if file of namespaces and pods. ipBlock rules apply to addresses outside the pod network \
            only, never to pods. Exit status 2 on input errors.
            """,
        subcommands: [NetpolMatrixCommand.self, NetpolExplainCommand.self])
}

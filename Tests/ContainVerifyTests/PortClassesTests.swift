import ContainModel
import ContainNetwork
import Testing

@Suite("Port classes")
struct PortClassesTests {
    func model(_ ports: [NetworkPolicyPort], declared: [NetworkPodPort] = []) -> NetworkModel {
        NetworkModel(
            pods: [NetworkPod(namespace: "a", name: "p", ports: declared)],
            policies: [NetworkPolicy(
                metadata: ObjectMeta(name: "x", namespace: "a"),
                spec: NetworkPolicySpec(podSelector: LabelSelector(), ingress: [NetworkPolicyIngressRule(ports: ports)]))])
    }

    @Test func rangesSplitTheProtocolAtTheirEnds() {
        let classes = PortClasses(model: model([NetworkPolicyPort(port: .int(8000), endPort: 8100), NetworkPolicyPort(protocol: .udp, port: .int(53))]))
        #expect(classes.classes(for: .tcp).map(\.range) == [1...7999, 8000...8100, 8101...65_535])
        #expect(classes.classes(for: .udp).map(\.range) == [1...52, 53...53, 54...65_535])
        #expect(classes.classes(for: .sctp).map(\.range) == [1...65_535])
        #expect(classes.classes(for: .tcp).map(\.query.port) == [1, 8000, 8101])
    }

    @Test func namedPortsAddTheDeclaredNumbers() {
        let classes = PortClasses(model: model(
            [NetworkPolicyPort(port: .string("http"))], declared: [NetworkPodPort(name: "http", port: 1), NetworkPodPort(name: "metrics", port: 9090)]))
        let tcp = classes.classes(for: .tcp)
        // The interval's representative skips the declared port 1, which stands for itself.
        #expect(tcp.map(\.query.port) == [2, 1, 9090])
        #expect(tcp.map(\.isNamedPort) == [false, true, true])
        // No named port for UDP in any rule: one class.
        #expect(classes.classes(for: .udp).count == 1)
    }

    @Test func descriptionsMergeAdjacentRanges() {
        let classes = PortClasses(model: model([NetworkPolicyPort(port: .int(53))])).classes
        #expect(PortClasses.describe(classes.filter { $0.query.protocol == .tcp }) == "any TCP port")
        #expect(PortClasses.describe(classes.filter { $0.query.protocol == .tcp && $0.query.port == 53 }) == "TCP 53")
        #expect(PortClasses.describe(classes.filter { $0.query.protocol == .tcp && $0.query.port != 53 }) == "TCP 1-52, 54-65535")
    }

    @Test func portQueriesParse() throws {
        #expect(try PortQuery(parsing: "80/TCP") == PortQuery(port: 80, protocol: .tcp))
        #expect(try PortQuery(parsing: "53/udp") == PortQuery(port: 53, protocol: .udp))
        #expect(try PortQuery(parsing: "8080") == PortQuery(port: 8080))
        #expect(throws: NetworkQueryError.invalidPort("0/TCP")) { try PortQuery(parsing: "0/TCP") }
        #expect(throws: NetworkQueryError.invalidPort("80/ICMP")) { try PortQuery(parsing: "80/ICMP") }
        #expect(throws: NetworkQueryError.invalidPodReference("a/b/c")) { try PodRef(parsing: "a/b/c") }
    }
}

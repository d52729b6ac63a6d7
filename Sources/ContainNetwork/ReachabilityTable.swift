import ContainModel

/// The truth tables of one port (ingress, egress and combined), with rows and columns either
/// pods or namespaces, printable as a text grid, JSON or Graphviz DOT.
///
/// Rows are sources and columns destinations, both sorted by name. Grouped by pod, a cell is
/// allowed or denied. Grouped by namespace, a cell counts the pod pairs allowed out of
/// `size(row) × size(column)`.
public struct ReachabilityTable: Sendable {
    /// What rows and columns are.
    public enum Grouping: String, Sendable, CaseIterable {
        case pod
        case namespace
    }

    /// The matrix the table shows.
    public let matrix: ReachabilityMatrix
    /// What rows and columns are.
    public let grouping: Grouping
    /// Row and column names: `namespace/name` for pods, namespace names otherwise.
    public let names: [String]
    /// The pods of each row/column, as indices into `matrix.pods`.
    let groups: [PodBitSet]
    /// Grouped by pod: the pod index of each row/column.
    let podOrder: [Int]
    /// The number of pods in each row/column.
    public let sizes: [Int]

    /// Builds the table of `matrix`.
    public init(matrix: ReachabilityMatrix, grouping: Grouping) {
        self.matrix = matrix
        self.grouping = grouping
        let count = matrix.pods.count
        switch grouping {
        case .pod:
            let order = matrix.pods.indices.sorted { matrix.pods[$0] < matrix.pods[$1] }
            podOrder = order
            names = order.map { matrix.pods[$0].description }
            groups = order.map { index in
                var set = PodBitSet(count: count)
                set.insert(index)
                return set
            }
        case .namespace:
            var members: [String: PodBitSet] = [:]
            for (index, pod) in matrix.pods.enumerated() {
                members[pod.namespace, default: PodBitSet(count: count)].insert(index)
            }
            podOrder = []
            names = members.keys.sorted()
            groups = names.map { members[$0]! }
        }
        sizes = groups.map(\.cardinality)
    }

    /// The port and protocol of the table.
    public var port: PortQuery { PortQuery(port: matrix.port, protocol: matrix.protocol) }

    /// The pod pairs `side` allows from row `source` to column `destination`.
    public func allowedPairs(_ side: ReachabilityMatrix.Side, from source: Int, to destination: Int) -> Int {
        switch grouping {
        case .pod:
            return matrix.allows(side, source: podOrder[source], destination: podOrder[destination]) ? 1 : 0
        case .namespace:
            return matrix.allowedCount(side, sources: groups[source], destinations: groups[destination])
        }
    }

    /// The total of allowed pod pairs for `side`.
    public func totalAllowed(_ side: ReachabilityMatrix.Side) -> Int {
        let all = PodBitSet(count: matrix.pods.count, full: true)
        return matrix.allowedCount(side, sources: all, destinations: all)
    }

    // MARK: Text

    /// The three grids, one after the other.
    public var text: String {
        ReachabilityMatrix.Side.allCases.map(grid).joined(separator: "\n")
    }

    /// One grid: a header line, numbered columns, one row per source.
    public func grid(_ side: ReachabilityMatrix.Side) -> String {
        let count = names.count
        guard count > 0 else { return "\(side.rawValue) \(port): no pods in the input (Pods, workloads or --workloads)\n" }
        let cells: [[String]] = (0..<count).map { row in
            (0..<count).map { column in cell(side, row, column) }
        }
        let cellWidth = max(String(count).count, cells.joined().map(\.count).max() ?? 1)
        let numberWidth = String(count).count
        let nameWidth = names.map(\.count).max() ?? 0
        let rowLabelWidth = numberWidth + 1 + nameWidth
        let legend = grouping == .pod ? "X allowed, . denied" : "X all pod pairs allowed, . none, k/n some"
        var lines = ["\(side.rawValue) \(port) (\(legend); rows: from, columns: to)"]
        let header = (1...max(count, 1)).prefix(count).map { pad(String($0), cellWidth) }.joined(separator: " ")
        lines.append(String(repeating: " ", count: rowLabelWidth) + "  " + header)
        for row in 0..<count {
            let label = pad(String(row + 1), numberWidth) + " " + names[row].padding(nameWidth)
            lines.append(label + "  " + cells[row].map { pad($0, cellWidth) }.joined(separator: " "))
        }
        lines.append("allowed: \(totalAllowed(side)) of \(matrix.pods.count * matrix.pods.count) pod pairs")
        return lines.joined(separator: "\n") + "\n"
    }

    private func cell(_ side: ReachabilityMatrix.Side, _ row: Int, _ column: Int) -> String {
        let allowed = allowedPairs(side, from: row, to: column)
        let pairs = sizes[row] * sizes[column]
        if allowed == 0 { return "." }
        if allowed == pairs { return "X" }
        return "\(allowed)/\(pairs)"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    // MARK: JSON

    /// The tables as a JSON value: `port`, `protocol`, `by`, `names`, `sizes`, then `ingress`,
    /// `egress` and `combined` as arrays of rows (booleans by pod, allowed pair counts by
    /// namespace) and `allowedPairs` per side.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("port", .integer(Int64(matrix.port))), ("protocol", .string(matrix.protocol.rawValue)),
            ("by", .string(grouping.rawValue)), ("names", .array(names.map { .string($0) })),
            ("sizes", .array(sizes.map { .integer(Int64($0)) })),
        ]
        for side in ReachabilityMatrix.Side.allCases {
            let rows: [JSONValue] = names.indices.map { row in
                .array(names.indices.map { column in
                    let allowed = allowedPairs(side, from: row, to: column)
                    return grouping == .pod ? .bool(allowed == 1) : .integer(Int64(allowed))
                })
            }
            members.append((side.rawValue, .array(rows)))
        }
        members.append(("allowedPairs", .object(JSONObject(ReachabilityMatrix.Side.allCases.map {
            ($0.rawValue, JSONValue.integer(Int64(totalAllowed($0))))
        }))))
        return .object(JSONObject(members))
    }

    // MARK: DOT

    /// A Graphviz digraph: one node per row (pods clustered by namespace), a solid edge where
    /// the combined answer allows the connection, a dashed edge where only one side does
    /// (labelled `ingress only` or `egress only`). Self edges are left out.
    public var dot: String {
        var lines = ["digraph reachability {", "  label=\(quoted("reachability \(port) (solid: allowed; dashed: one side only)"));",
                     "  node [shape=box];"]
        switch grouping {
        case .pod:
            var byNamespace: [(String, [Int])] = []
            for (index, name) in names.enumerated() {
                let namespace = String(name.prefix { $0 != "/" })
                if byNamespace.last?.0 == namespace { byNamespace[byNamespace.count - 1].1.append(index) } else {
                    byNamespace.append((namespace, [index]))
                }
            }
            for (number, (namespace, members)) in byNamespace.enumerated() {
                lines.append("  subgraph cluster_\(number) {")
                lines.append("    label=\(quoted(namespace));")
                for index in members {
                    let short = String(names[index].dropFirst(namespace.count + 1))
                    lines.append("    \(quoted(names[index])) [label=\(quoted(short))];")
                }
                lines.append("  }")
            }
        case .namespace:
            for (index, name) in names.enumerated() { lines.append("  \(quoted(name)) [label=\(quoted("\(name) (\(sizes[index]))"))];") }
        }
        for row in names.indices {
            for column in names.indices where row != column {
                let combined = allowedPairs(.combined, from: row, to: column)
                let ingress = allowedPairs(.ingress, from: row, to: column)
                let egress = allowedPairs(.egress, from: row, to: column)
                let edge = "  \(quoted(names[row])) -> \(quoted(names[column]))"
                let pairs = sizes[row] * sizes[column]
                if combined > 0 {
                    let label = grouping == .namespace && combined < pairs ? " [label=\(quoted("\(combined)/\(pairs)"))]" : ""
                    lines.append(edge + label + ";")
                } else if ingress > 0, egress == 0 {
                    lines.append(edge + " [style=dashed, color=gray, label=\"ingress only\"];")
                } else if egress > 0, ingress == 0 {
                    lines.append(edge + " [style=dashed, color=gray, label=\"egress only\"];")
                } else if ingress > 0 {
                    lines.append(edge + " [style=dashed, color=gray, label=\"sides disagree\"];")
                }
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}

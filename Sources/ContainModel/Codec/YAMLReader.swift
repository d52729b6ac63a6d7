import Yams

/// Reads multi-document YAML into `JSONValue`s, recording where every key and value stands.
///
/// Scalars resolve the way Kubernetes' YAML reader (YAML 1.1 rules) resolves them: `yes`/`no`/
/// `on`/`off` are booleans, `0x1F` and `017` are integers, `1e3` is a number; quoted scalars are
/// always strings. Empty documents are skipped, as kubectl skips them.
public enum YAMLReader {
    /// Most nodes one document may expand to; aliases that expand past it are refused, so a
    /// "billion laughs" document cannot exhaust memory.
    public static let maximumNodes = 2_000_000

    /// Parses every document of a YAML stream.
    public static func documents(_ text: String, file: String? = nil) throws(SyntaxError) -> [SourceDocument] {
        if let documents = BlockYAMLParser.documents(text, file: file) { return documents }
        return try documentsWithLibYAML(text, file: file)
    }

    /// Parses with libyaml (through Yams): every YAML feature, and precise syntax errors.
    static func documentsWithLibYAML(_ text: String, file: String?) throws(SyntaxError) -> [SourceDocument] {
        let parser: Parser
        do {
            parser = try Parser(yaml: text, resolver: .basic, constructor: .default)
        } catch {
            throw syntaxError(error, file: file)
        }
        var documents: [SourceDocument] = []
        var index = 0
        while true {
            let root: Node?
            do {
                root = try parser.nextRoot()
            } catch {
                throw syntaxError(error, file: file)
            }
            guard let root else { break }
            var converter = Converter(file: file)
            let (value, node) = try converter.convert(root, depth: 0)
            if !value.isNull {
                documents.append(SourceDocument(file: file, index: index, value: value, source: node))
            }
            index += 1
        }
        return documents
    }

    /// Parses a single YAML value (the first document of the text; `null` when there is none).
    public static func value(_ text: String, file: String? = nil) throws(SyntaxError) -> JSONValue {
        try documents(text, file: file).first?.value ?? .null
    }

    private static func syntaxError(_ error: any Error, file: String?) -> SyntaxError {
        guard let yamlError = error as? YamlError else {
            return SyntaxError(file: file, position: SourcePosition(line: 1, column: 1), message: "\(error)")
        }
        func position(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line, column: mark.column) }
        func describe(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return SyntaxError(file: file, position: position(mark), message: "invalid YAML: " + describe(context, problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return SyntaxError(file: file, position: position(context.mark),
                               message: "duplicate field \(names): a mapping key may appear only once")
        case .reader(let problem, _, _, _):
            return SyntaxError(file: file, position: SourcePosition(line: 1, column: 1), message: "invalid YAML input: \(problem)")
        default:
            return SyntaxError(file: file, position: SourcePosition(line: 1, column: 1), message: "invalid YAML: \(yamlError)")
        }
    }

    private struct Converter {
        let file: String?
        var nodeCount = 0

        init(file: String?) { self.file = file }

        mutating func convert(_ node: Node, depth: Int) throws(SyntaxError) -> (JSONValue, SourceNode) {
            nodeCount += 1
            switch node {
            case .scalar(let scalar):
                return (Self.resolve(scalar), .scalar(Self.position(scalar.mark)))
            case .alias(let alias):
                throw SyntaxError(file: file, position: Self.position(alias.mark), message: "unresolved alias")
            case .sequence(let sequence):
                let start = Self.position(sequence.mark)
                try checkSize(at: start)
                var values: [JSONValue] = []
                var nodes: [SourceNode] = []
                values.reserveCapacity(sequence.count)
                nodes.reserveCapacity(sequence.count)
                for element in sequence {
                    let (value, source) = try convert(element, depth: depth + 1)
                    values.append(value)
                    nodes.append(source)
                }
                return (.array(values), .sequence(start, nodes))
            case .mapping(let mapping):
                let start = Self.position(mapping.mark)
                try checkSize(at: start)
                var object: [(key: String, value: JSONValue)] = []
                var members: [SourceMember] = []
                object.reserveCapacity(mapping.count)
                members.reserveCapacity(mapping.count)
                for (keyNode, valueNode) in mapping {
                    guard case .scalar(let keyScalar) = keyNode else {
                        throw SyntaxError(file: file, position: start, message: "a mapping key must be a scalar")
                    }
                    let key = keyScalar.string
                    let keyPosition = keyScalar.mark == nil ? start : Self.position(keyScalar.mark)
                    let (value, source) = try convert(valueNode, depth: depth + 1)
                    // Yams has already refused duplicate keys of the same tag; this catches `1` and `"1"`.
                    if object.count <= JSONObject.indexThreshold, object.contains(where: { $0.key == key }) {
                        throw SyntaxError(file: file, position: keyPosition, message: "duplicate field \"\(key)\"")
                    }
                    object.append((key, value))
                    members.append(SourceMember(key: key, keyPosition: keyPosition, value: source))
                }
                return (.object(try uniqueObject(object, at: start)), .mapping(start, members))
            }
        }

        /// The members as an object, refusing a name that appears twice.
        func uniqueObject(_ members: [(key: String, value: JSONValue)], at position: SourcePosition) throws(SyntaxError) -> JSONObject {
            let object = JSONObject(uniqueMembers: members)
            if object.count > JSONObject.indexThreshold, Set(members.map(\.key)).count != members.count {
                throw SyntaxError(file: file, position: position, message: "duplicate field in mapping")
            }
            return object
        }

        static func position(_ mark: Mark?) -> SourcePosition {
            SourcePosition(line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        /// Refuses documents whose aliases expand past `maximumNodes`.
        func checkSize(at position: SourcePosition) throws(SyntaxError) {
            if nodeCount > YAMLReader.maximumNodes {
                throw SyntaxError(file: file, position: position,
                                  message: "document expands to more than \(YAMLReader.maximumNodes) nodes")
            }
        }

        static func resolve(_ scalar: Node.Scalar) -> JSONValue {
            if scalar.style != .plain && scalar.style != .any { return .string(scalar.string) }
            // An explicit `!!str` keeps a plain scalar a string; every other tag resolves as plain.
            if scalar.tag.description == "tag:yaml.org,2002:str" { return .string(scalar.string) }
            return YAMLScalar.resolvePlain(scalar.string)
        }
    }
}

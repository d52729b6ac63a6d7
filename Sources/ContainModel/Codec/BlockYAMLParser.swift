/// A fast reader for the YAML that Kubernetes manifests are made of: block mappings and
/// sequences, plain and quoted single-line scalars, literal block scalars, and single-line flow
/// collections. It is several times faster than building libyaml's node tree, which matters for
/// large platform repositories.
///
/// It is deliberately conservative: on anything outside that subset (anchors, aliases, tags,
/// folded or indented block scalars, multi-line plain or flow scalars, tabs, duplicate keys,
/// syntax errors) it returns `nil`, and `YAMLReader` reads the text with libyaml instead, which
/// also produces the precise error message. A differential test holds the two readers to the
/// same values and positions.
struct BlockYAMLParser {
    /// A line of the text without its newline.
    private struct Line {
        var start: Int  // byte offset of the first byte
        var end: Int  // byte offset after the last byte (before the newline)
        var indent: Int  // leading spaces
        var number: Int  // 1-based
        var isBlank: Bool  // empty, spaces only, or a comment
    }

    private struct Unsupported: Error {}

    private let bytes: [UInt8]
    private var lines: [Line] = []
    private var current = 0  // index of the next line to read
    private let file: String?

    private init(bytes: [UInt8], file: String?) {
        self.bytes = bytes
        self.file = file
    }

    /// The documents of `text`, or `nil` when the text needs the full YAML reader.
    static func documents(_ text: String, file: String?) -> [SourceDocument]? {
        var parser = BlockYAMLParser(bytes: Array(text.utf8), file: file)
        guard parser.splitLines() else { return nil }
        do {
            return try parser.parseStream()
        } catch {
            return nil
        }
    }

    // MARK: Lines

    private mutating func splitLines() -> Bool {
        var start = 0
        var number = 1
        var index = 0
        let count = bytes.count
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return false }
        while index <= count {
            if index == count || bytes[index] == 0x0A {
                var indent = 0
                while start + indent < index && bytes[start + indent] == 0x20 { indent += 1 }
                let firstContent = start + indent
                let isBlank = firstContent == index || bytes[firstContent] == UInt8(ascii: "#")
                lines.append(Line(start: start, end: index, indent: indent, number: number, isBlank: isBlank))
                number += 1
                start = index + 1
            } else if bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] < 0x20 {
                return false  // tabs, carriage returns and control characters: leave to libyaml
            }
            index += 1
        }
        if lines.last.map({ $0.start == $0.end && $0.start == count }) == true { lines.removeLast() }
        return true
    }

    private func column(_ line: Line, _ offset: Int) -> Int {
        // libyaml counts columns in Unicode scalars: skip UTF-8 continuation bytes.
        var column = 1
        var index = line.start
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    private func position(_ line: Line, _ offset: Int) -> SourcePosition {
        SourcePosition(line: line.number, column: column(line, offset))
    }

    private mutating func skipBlankLines() {
        while current < lines.count && lines[current].isBlank { current += 1 }
    }

    private func isMarker(_ line: Line, _ first: UInt8) -> Bool {
        guard line.indent == 0, line.end - line.start >= 3,
            bytes[line.start] == first, bytes[line.start + 1] == first, bytes[line.start + 2] == first
        else { return false }
        return line.end - line.start == 3 || bytes[line.start + 3] == 0x20
    }

    // MARK: Documents

    private mutating func parseStream() throws -> [SourceDocument] {
        var documents: [SourceDocument] = []
        var index = 0
        var explicitStart = false
        while true {
            skipBlankLines()
            if current >= lines.count { break }
            var line = lines[current]
            if line.indent == 0 && bytes[line.start] == UInt8(ascii: "%") { throw Unsupported() }
            if isMarker(line, UInt8(ascii: "-")) {
                // `--- ` followed by content on the same line is left to libyaml.
                if !restIsBlank(line, from: line.start + 3) { throw Unsupported() }
                current += 1
                explicitStart = true
                skipBlankLines()
                if current >= lines.count || isMarker(lines[current], UInt8(ascii: "-")) {
                    index += 1  // an empty document
                    continue
                }
                line = lines[current]
            }
            if isMarker(line, UInt8(ascii: ".")) {
                if !restIsBlank(line, from: line.start + 3) { throw Unsupported() }
                current += 1
                if !explicitStart { index += 1 }
                explicitStart = false
                continue
            }
            let (value, node) = try parseBlockNode(parentIndent: -1, inSequence: false)
            skipBlankLines()
            if current < lines.count {
                let next = lines[current]
                if isMarker(next, UInt8(ascii: ".")) {
                    if !restIsBlank(next, from: next.start + 3) { throw Unsupported() }
                    current += 1
                } else if !isMarker(next, UInt8(ascii: "-")) {
                    throw Unsupported()
                }
            }
            if !value.isNull {
                documents.append(SourceDocument(file: file, index: index, value: value, source: node))
            }
            index += 1
            explicitStart = false
        }
        return documents
    }

    private func restIsBlank(_ line: Line, from offset: Int) -> Bool {
        var index = offset
        while index < line.end && bytes[index] == 0x20 { index += 1 }
        return index == line.end || (bytes[index] == UInt8(ascii: "#") && index > offset)
    }

    // MARK: Block nodes

    /// Parses the block node starting at the current line, which must be indented more than
    /// `parentIndent` (or equal, for a sequence that is a mapping value).
    private mutating func parseBlockNode(parentIndent: Int, inSequence: Bool) throws -> (JSONValue, SourceNode) {
        skipBlankLines()
        guard current < lines.count else { throw Unsupported() }
        let line = lines[current]
        let first = bytes[line.start + line.indent]
        if first == UInt8(ascii: "-") && isSequenceIndicator(line.start + line.indent, line) {
            return try parseBlockSequence(indent: line.indent)
        }
        guard line.indent > parentIndent else { throw Unsupported() }
        if findMappingColon(line, from: line.start + line.indent) != nil {
            return try parseBlockMapping(indent: line.indent, firstKeyOffset: line.start + line.indent)
        }
        throw Unsupported()  // a scalar document or a multi-line scalar
    }

    private func isSequenceIndicator(_ offset: Int, _ line: Line) -> Bool {
        bytes[offset] == UInt8(ascii: "-") && (offset + 1 == line.end || bytes[offset + 1] == 0x20)
    }

    private mutating func parseBlockSequence(indent: Int) throws -> (JSONValue, SourceNode) {
        var values: [JSONValue] = []
        var nodes: [SourceNode] = []
        let startLine = lines[current]
        let start = position(startLine, startLine.start + indent)
        while true {
            skipBlankLines()
            guard current < lines.count else { break }
            let line = lines[current]
            if isMarker(line, UInt8(ascii: "-")) || isMarker(line, UInt8(ascii: ".")) { break }
            if line.indent < indent { break }
            guard line.indent == indent else { throw Unsupported() }
            let dash = line.start + indent
            guard isSequenceIndicator(dash, line) else { break }
            var contentStart = dash + 1
            while contentStart < line.end && bytes[contentStart] == 0x20 { contentStart += 1 }
            if contentStart == line.end || bytes[contentStart] == UInt8(ascii: "#") {
                // `-` alone: the item is the following more-indented block, or null.
                current += 1
                skipBlankLines()
                if current < lines.count, lines[current].indent > indent, !isMarker(lines[current], UInt8(ascii: "-")) {
                    let (value, node) = try parseBlockNode(parentIndent: indent, inSequence: true)
                    values.append(value)
                    nodes.append(node)
                } else {
                    throw Unsupported()  // null items: leave their positions to libyaml
                }
                continue
            }
            if bytes[contentStart] == UInt8(ascii: "-") && isSequenceIndicator(contentStart, line) {
                throw Unsupported()  // `- - x`
            }
            if findMappingColon(line, from: contentStart) != nil {
                // A compact mapping: its keys align with the first key.
                let keyIndent = column(line, contentStart) - 1
                let (value, node) = try parseBlockMapping(indent: keyIndent, firstKeyOffset: contentStart)
                values.append(value)
                nodes.append(node)
                continue
            }
            let (value, node) = try parseInlineValue(line, from: contentStart, blockIndent: indent)
            values.append(value)
            nodes.append(node)
        }
        return (.array(values), .sequence(start, nodes))
    }

    /// Parses a block mapping whose keys stand at column `indent` (0-based); the first key may
    /// start mid-line (after a sequence dash) at `firstKeyOffset`.
    private mutating func parseBlockMapping(indent: Int, firstKeyOffset: Int) throws -> (JSONValue, SourceNode) {
        var members: [(key: String, value: JSONValue)] = []
        var sources: [SourceMember] = []
        var keyOffset = firstKeyOffset
        let start = position(lines[current], firstKeyOffset)
        while true {
            let line = lines[current]
            guard let colon = findMappingColon(line, from: keyOffset) else { throw Unsupported() }
            let key = try parseKey(line, from: keyOffset, to: colon)
            let keyPosition = position(line, keyOffset)
            if members.contains(where: { $0.key == key }) { throw Unsupported() }
            var valueStart = colon + 1
            while valueStart < line.end && bytes[valueStart] == 0x20 { valueStart += 1 }
            let value: JSONValue
            let node: SourceNode
            if valueStart == line.end || bytes[valueStart] == UInt8(ascii: "#") {
                current += 1
                skipBlankLines()
                if current < lines.count, !isMarker(lines[current], UInt8(ascii: "-")), !isMarker(lines[current], UInt8(ascii: ".")),
                    lines[current].indent > indent
                        || (lines[current].indent == indent
                            && isSequenceIndicator(lines[current].start + indent, lines[current]))
                {
                    (value, node) = try parseBlockNode(parentIndent: indent, inSequence: false)
                } else {
                    throw Unsupported()  // a null value: leave its position to libyaml
                }
            } else {
                (value, node) = try parseInlineValue(line, from: valueStart, blockIndent: indent)
            }
            members.append((key, value))
            sources.append(SourceMember(key: key, keyPosition: keyPosition, value: node))
            skipBlankLines()
            guard current < lines.count else { break }
            let next = lines[current]
            if isMarker(next, UInt8(ascii: "-")) || isMarker(next, UInt8(ascii: ".")) { break }
            if next.indent < indent { break }
            guard next.indent == indent else { throw Unsupported() }
            keyOffset = next.start + indent
            if isSequenceIndicator(keyOffset, next) { break }
        }
        return (.object(JSONObject(uniqueMembers: members)), .mapping(start, sources))
    }

    /// The offset of the `:` that ends a mapping key on this line (outside quotes), or `nil`.
    private func findMappingColon(_ line: Line, from offset: Int) -> Int? {
        var index = offset
        if index < line.end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            let quote = bytes[index]
            index += 1
            while index < line.end {
                if bytes[index] == quote {
                    if quote == UInt8(ascii: "'") && index + 1 < line.end && bytes[index + 1] == quote {
                        index += 2
                        continue
                    }
                    break
                }
                if quote == UInt8(ascii: "\"") && bytes[index] == UInt8(ascii: "\\") { index += 1 }
                index += 1
            }
            index += 1
            guard index < line.end, bytes[index] == UInt8(ascii: ":"),
                index + 1 == line.end || bytes[index + 1] == 0x20
            else { return nil }
            return index
        }
        if index < line.end, isIndicator(bytes[index]) { return nil }
        while index < line.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") && (index + 1 == line.end || bytes[index + 1] == 0x20) { return index }
            if byte == UInt8(ascii: "#") && index > offset && bytes[index - 1] == 0x20 { return nil }
            index += 1
        }
        return nil
    }

    private func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    private func parseKey(_ line: Line, from start: Int, to colon: Int) throws -> String {
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var index = start
            let text = try parseQuoted(line, &index)
            guard index == colon else { throw Unsupported() }
            return text
        }
        var end = colon
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        guard end > start else { throw Unsupported() }
        if first == UInt8(ascii: "-") && (start + 1 == end || bytes[start + 1] == 0x20) { throw Unsupported() }
        if first == UInt8(ascii: "<") && end - start == 2 && bytes[start + 1] == UInt8(ascii: "<") { throw Unsupported() }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    // MARK: Scalars and flow collections on one line

    /// A value that starts on this line after `key:` or `- `: a scalar, a literal block or a
    /// single-line flow collection. Advances past the lines it uses.
    private mutating func parseInlineValue(_ line: Line, from offset: Int, blockIndent: Int) throws -> (JSONValue, SourceNode) {
        let first = bytes[offset]
        let start = position(line, offset)
        switch first {
        case UInt8(ascii: "|"):
            return try parseLiteralBlock(line, from: offset, blockIndent: blockIndent)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            var index = offset
            let result = try parseFlow(line, &index, depth: 0)
            guard restIsBlankOrComment(line, from: index) else { throw Unsupported() }
            current += 1
            try ensureNoContinuation(beyond: blockIndent)
            return result
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            var index = offset
            let text = try parseQuoted(line, &index)
            guard restIsBlankOrComment(line, from: index) else { throw Unsupported() }
            current += 1
            try ensureNoContinuation(beyond: blockIndent)
            return (.string(text), .scalar(start))
        default:
            let followedBySpace = offset + 1 == line.end || bytes[offset + 1] == 0x20
            if isIndicator(first) || ((first == UInt8(ascii: "-") || first == UInt8(ascii: ":")) && followedBySpace) {
                throw Unsupported()
            }
            var end = offset
            var index = offset
            while index < line.end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "#") && bytes[index - 1] == 0x20 { break }
                if byte == UInt8(ascii: ":") && (index + 1 == line.end || bytes[index + 1] == 0x20) { throw Unsupported() }
                if byte != 0x20 { end = index + 1 }
                index += 1
            }
            let text = String(decoding: bytes[offset..<end], as: UTF8.self)
            current += 1
            try ensureNoContinuation(beyond: blockIndent)
            return (YAMLScalar.resolvePlain(text), .scalar(start))
        }
    }

    private func restIsBlankOrComment(_ line: Line, from offset: Int) -> Bool {
        var index = offset
        while index < line.end && bytes[index] == 0x20 { index += 1 }
        return index == line.end || (bytes[index] == UInt8(ascii: "#") && index > offset)
    }

    /// A following line indented more than the enclosing block would continue a multi-line
    /// scalar, which this reader leaves to libyaml.
    private func ensureNoContinuation(beyond indent: Int) throws {
        var index = current
        while index < lines.count && lines[index].isBlank {
            // A comment line more indented than the block still ends the scalar; an empty line
            // inside a multi-line scalar is content, so look at the next non-blank line.
            index += 1
        }
        if index < lines.count, lines[index].indent > indent, !isMarker(lines[index], UInt8(ascii: "-")) {
            throw Unsupported()
        }
    }

    private func parseQuoted(_ line: Line, _ index: inout Int) throws -> String {
        let quote = bytes[index]
        index += 1
        var output: [UInt8] = []
        while true {
            guard index < line.end else { throw Unsupported() }  // multi-line quoted scalars
            let byte = bytes[index]
            if byte == quote {
                if quote == UInt8(ascii: "'") && index + 1 < line.end && bytes[index + 1] == quote {
                    output.append(quote)
                    index += 2
                    continue
                }
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                guard index + 1 < line.end else { throw Unsupported() }
                let escape = bytes[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""): output.append(0x22)
                case UInt8(ascii: "\\"): output.append(0x5C)
                case UInt8(ascii: "/"): output.append(0x2F)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "0"): output.append(0x00)
                case UInt8(ascii: "a"): output.append(0x07)
                case UInt8(ascii: "e"): output.append(0x1B)
                case UInt8(ascii: "u"):
                    guard index + 4 <= line.end, let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { throw Unsupported() }
                    output.append(contentsOf: Array(String(Character(scalar)).utf8))
                    index += 4
                default:
                    throw Unsupported()
                }
                continue
            }
            output.append(byte)
            index += 1
        }
    }

    private mutating func parseLiteralBlock(_ line: Line, from offset: Int, blockIndent: Int) throws -> (JSONValue, SourceNode) {
        let start = position(line, offset)
        var index = offset + 1
        var chomp = UInt8(0)  // 0 clip, "-" strip, "+" keep
        if index < line.end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            chomp = bytes[index]
            index += 1
        }
        guard restIsBlankOrComment(line, from: index) else { throw Unsupported() }
        current += 1
        // Content lines: the first non-empty line sets the indentation.
        var contentIndent = -1
        var body: [UInt8] = []
        var trailingNewlines = 0
        var sawContent = false
        while current < lines.count {
            let candidate = lines[current]
            let isEmpty = candidate.start + candidate.indent == candidate.end
            if isEmpty {
                if !sawContent { throw Unsupported() }  // leading empty lines: leave to libyaml
                if candidate.indent > contentIndent && contentIndent >= 0 { throw Unsupported() }
                trailingNewlines += 1
                current += 1
                continue
            }
            if contentIndent < 0 {
                guard candidate.indent > blockIndent else { break }
                contentIndent = candidate.indent
            }
            if candidate.indent < contentIndent { break }
            for _ in 0..<trailingNewlines { body.append(0x0A) }
            if sawContent { body.append(0x0A) }
            trailingNewlines = 0
            body.append(contentsOf: bytes[(candidate.start + contentIndent)..<candidate.end])
            sawContent = true
            current += 1
        }
        guard sawContent else { throw Unsupported() }
        switch chomp {
        case UInt8(ascii: "-"):
            break
        case UInt8(ascii: "+"):
            throw Unsupported()  // keep: trailing lines up to the document end are subtle
        default:
            body.append(0x0A)
        }
        // Blank lines after the block that belong to the next node are not content.
        return (.string(String(decoding: body, as: UTF8.self)), .scalar(start))
    }

    private func parseFlow(_ line: Line, _ index: inout Int, depth: Int) throws -> (JSONValue, SourceNode) {
        guard depth < 64 else { throw Unsupported() }
        let open = bytes[index]
        let start = position(line, index)
        index += 1
        let isMapping = open == UInt8(ascii: "{")
        let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        var elements: [JSONValue] = []
        var elementNodes: [SourceNode] = []
        var members: [(key: String, value: JSONValue)] = []
        var memberNodes: [SourceMember] = []
        skipSpaces(line, &index)
        if index < line.end && bytes[index] == close {
            index += 1
            return isMapping ? (.object(JSONObject()), .mapping(start, [])) : (.array([]), .sequence(start, []))
        }
        while true {
            skipSpaces(line, &index)
            guard index < line.end else { throw Unsupported() }
            if isMapping {
                let keyStart = index
                let key: String
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    key = try parseQuoted(line, &index)
                } else {
                    let (value, _) = try parseFlowPlain(line, &index)
                    guard case .string = value else { throw Unsupported() }
                    let end = index
                    key = String(decoding: bytes[keyStart..<end], as: UTF8.self).trimmingTrailingSpaces()
                }
                skipSpaces(line, &index)
                guard index < line.end, bytes[index] == UInt8(ascii: ":"),
                    index + 1 < line.end, bytes[index + 1] == 0x20
                else { throw Unsupported() }
                index += 2
                skipSpaces(line, &index)
                if members.contains(where: { $0.key == key }) { throw Unsupported() }
                let (value, node) = try parseFlowValue(line, &index, depth: depth)
                members.append((key, value))
                memberNodes.append(SourceMember(key: key, keyPosition: position(line, keyStart), value: node))
            } else {
                let (value, node) = try parseFlowValue(line, &index, depth: depth)
                elements.append(value)
                elementNodes.append(node)
            }
            skipSpaces(line, &index)
            guard index < line.end else { throw Unsupported() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipSpaces(line, &index)
                if index < line.end && bytes[index] == close { throw Unsupported() }  // trailing comma
                continue
            }
            guard bytes[index] == close else { throw Unsupported() }
            index += 1
            break
        }
        if isMapping { return (.object(JSONObject(uniqueMembers: members)), .mapping(start, memberNodes)) }
        return (.array(elements), .sequence(start, elementNodes))
    }

    private func parseFlowValue(_ line: Line, _ index: inout Int, depth: Int) throws -> (JSONValue, SourceNode) {
        guard index < line.end else { throw Unsupported() }
        let byte = bytes[index]
        if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { return try parseFlow(line, &index, depth: depth + 1) }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            let start = position(line, index)
            return (.string(try parseQuoted(line, &index)), .scalar(start))
        }
        return try parseFlowPlain(line, &index)
    }

    /// A plain scalar inside a flow collection: ends at `,`, `]`, `}` or `: `.
    private func parseFlowPlain(_ line: Line, _ index: inout Int) throws -> (JSONValue, SourceNode) {
        let startOffset = index
        guard index < line.end, !isIndicator(bytes[index]) else { throw Unsupported() }
        if bytes[index] == UInt8(ascii: "-") && index + 1 < line.end && bytes[index + 1] == 0x20 { throw Unsupported() }
        var end = index
        while index < line.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { throw Unsupported() }
            if byte == UInt8(ascii: ":") && (index + 1 == line.end || bytes[index + 1] == 0x20 || bytes[index + 1] == UInt8(ascii: ",")) { break }
            if byte == UInt8(ascii: "#") && bytes[index - 1] == 0x20 { throw Unsupported() }
            if byte != 0x20 { end = index + 1 }
            index += 1
        }
        guard end > startOffset else { throw Unsupported() }
        let text = String(decoding: bytes[startOffset..<end], as: UTF8.self)
        return (YAMLScalar.resolvePlain(text), .scalar(position(line, startOffset)))
    }

    private func skipSpaces(_ line: Line, _ index: inout Int) {
        while index < line.end && bytes[index] == 0x20 { index += 1 }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

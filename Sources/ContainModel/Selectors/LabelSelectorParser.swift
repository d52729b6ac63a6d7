/// The lexer and recursive-descent parser for the label selector string syntax
/// (`k8s.io/apimachinery/pkg/labels.Parse`):
///
///     selector    ::= requirement | requirement "," selector
///     requirement ::= ["!"] KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
///     values      ::= VALUE | VALUE "," values      (any VALUE may be empty)
///
/// The control flow mirrors upstream's so that every malformed input fails with
/// the same message upstream gives (several messages depend on which token the
/// parser happens to be looking at). It works on UTF-8 bytes, keeps one token of
/// lookahead and allocates only for the keys and values it returns.
struct LabelSelectorParser {
    enum TokenKind: Sendable {
        case endOfString
        case closedPar
        case comma
        case doesNotExist
        case doubleEquals
        case equals
        case greaterThan
        case identifier
        case inKeyword
        case lessThan
        case notEquals
        case notInKeyword
        case openPar
    }

    struct Token: Sendable {
        var kind: TokenKind
        /// Byte range of the token's text in the input.
        var start: Int
        var end: Int
    }

    /// Whether `in`/`notin` are keywords (when an operator is expected) or plain
    /// identifiers (everywhere else, so `in in (in)` is a valid selector).
    enum Context {
        case keyAndOperator
        case values
    }

    private let bytes: [UInt8]
    private var position = 0
    private var finished = false
    private var current: Token

    init(_ selector: String) {
        bytes = Array(selector.utf8)
        current = Token(kind: .endOfString, start: 0, end: 0)
        current = lex()
    }

    /// Parses the whole input into requirements, in input order (the caller sorts them).
    mutating func parse() throws(LabelSelectorError) -> [LabelRequirement] {
        var requirements: [LabelRequirement] = []
        while true {
            let next = lookahead(.values)
            switch next.kind {
            case .identifier, .doesNotExist:
                let requirement: LabelRequirement
                do {
                    requirement = try parseRequirement()
                } catch {
                    throw LabelSelectorError(
                        message: "unable to parse requirement: " + error.message, position: error.position)
                }
                requirements.append(requirement)
                let separator = consume(.values)
                switch separator.kind {
                case .endOfString:
                    return requirements
                case .comma:
                    let following = lookahead(.values)
                    if following.kind != .identifier && following.kind != .doesNotExist {
                        throw failure("found '\(text(following))', expected: identifier after ','", at: following)
                    }
                default:
                    throw failure("found '\(text(separator))', expected: ',' or 'end of string'", at: separator)
                }
            case .endOfString:
                return requirements
            default:
                throw failure("found '\(text(next))', expected: !, identifier, or 'end of string'", at: next)
            }
        }
    }

    // MARK: - Grammar

    private mutating func parseRequirement() throws(LabelSelectorError) -> LabelRequirement {
        let start = current.start
        let (key, inferred) = try parseKeyAndInferOperator()
        if let inferred, inferred == .exists || inferred == .doesNotExist {
            return try makeRequirement(key: key, operator: inferred, values: [], at: start)
        }
        let op = try parseOperator()
        var values: [String]
        switch op {
        case .in, .notIn:
            values = try parseValues()
        default:
            values = try parseExactValue()
        }
        // Upstream collects values in a set and lists it sorted.
        if values.count > 1 {
            values.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var unique: [String] = []
            unique.reserveCapacity(values.count)
            for value in values where unique.last != value {
                unique.append(value)
            }
            values = unique
        }
        return try makeRequirement(key: key, operator: op, values: values, at: start)
    }

    /// Reads `[!] KEY` and, when nothing but `,` or the end follows, decides the
    /// operator (`exists` or `!`). A `!` followed by anything else still yields `!`,
    /// leaving the rest for the caller to reject (so `!x=a` fails on the `=`).
    private mutating func parseKeyAndInferOperator() throws(LabelSelectorError)
        -> (key: String, operator: LabelRequirement.Operator?)
    {
        var op: LabelRequirement.Operator?
        var token = consume(.values)
        if token.kind == .doesNotExist {
            op = .doesNotExist
            token = consume(.values)
        }
        guard token.kind == .identifier else {
            throw failure("found '\(text(token))', expected: identifier", at: token)
        }
        let key = text(token)
        let keyProblems = LabelValidation.isQualifiedName(key)
        if !keyProblems.isEmpty {
            // Upstream validates against a nil field path here, which Go prints as "<nil>".
            let problem = LabelFieldProblem.invalid("<nil>", string: key, keyProblems.joined(separator: "; "))
            throw failure(problem.message, at: token)
        }
        let next = lookahead(.values)
        if next.kind == .endOfString || next.kind == .comma, op != .doesNotExist {
            op = .exists
        }
        return (key, op)
    }

    private mutating func parseOperator() throws(LabelSelectorError) -> LabelRequirement.Operator {
        let token = consume(.keyAndOperator)
        switch token.kind {
        case .inKeyword: return .in
        case .equals: return .equals
        case .doubleEquals: return .doubleEquals
        case .greaterThan: return .greaterThan
        case .lessThan: return .lessThan
        case .notInKeyword: return .notIn
        case .notEquals: return .notEquals
        default:
            throw failure("found '\(text(token))', expected: in, notin, =, ==, !=, gt, lt", at: token)
        }
    }

    /// Reads `( values )`; `()` means the single empty value.
    private mutating func parseValues() throws(LabelSelectorError) -> [String] {
        let open = consume(.values)
        guard open.kind == .openPar else {
            // Upstream's message has no comma here.
            throw failure("found '\(text(open))' expected: '('", at: open)
        }
        let first = lookahead(.values)
        switch first.kind {
        case .identifier, .comma:
            let values = try parseIdentifiersList()
            let close = consume(.values)
            guard close.kind == .closedPar else {
                // Unreachable in practice (the list stops only before ')'); upstream
                // reports the first token of the list here.
                throw failure("found '\(text(first))', expected: ')'", at: close)
            }
            return values
        case .closedPar:
            _ = consume(.values)
            return [""]
        default:
            throw failure("found '\(text(first))', expected: ',', ')' or identifier", at: first)
        }
    }

    /// Reads a comma-separated list in which any element may be empty: `(,a)`,
    /// `(a,)` and `(a,,b)` all contain the empty value. Stops before `)`.
    private mutating func parseIdentifiersList() throws(LabelSelectorError) -> [String] {
        var values: [String] = []
        while true {
            let token = consume(.values)
            switch token.kind {
            case .identifier:
                values.append(text(token))
                let next = lookahead(.values)
                switch next.kind {
                case .comma:
                    continue
                case .closedPar:
                    return values
                default:
                    throw failure("found '\(text(next))', expected: ',' or ')'", at: next)
                }
            case .comma:
                if values.isEmpty {
                    values.append("")  // a leading comma: "(,"
                }
                let next = lookahead(.values)
                if next.kind == .closedPar {
                    values.append("")  // a trailing comma: ",)"
                    return values
                }
                if next.kind == .comma {
                    _ = consume(.values)
                    values.append("")  // two commas in a row: ",,"
                }
            default:
                throw failure("found '\(text(token))', expected: ',', or identifier", at: token)
            }
        }
    }

    /// Reads the single value after `=`, `==`, `!=`, `>` or `<`; nothing (end or `,`) means "".
    private mutating func parseExactValue() throws(LabelSelectorError) -> [String] {
        let next = lookahead(.values)
        if next.kind == .endOfString || next.kind == .comma {
            return [""]
        }
        let token = consume(.values)
        guard token.kind == .identifier else {
            throw failure("found '\(text(token))', expected: identifier", at: token)
        }
        return [text(token)]
    }

    private func makeRequirement(
        key: String, operator op: LabelRequirement.Operator, values: [String], at start: Int
    ) throws(LabelSelectorError) -> LabelRequirement {
        // The key was validated while it was read.
        let problems = LabelRequirement.problems(key: key, operator: op, values: values, validateKey: false)
        if !problems.isEmpty {
            throw LabelSelectorError(message: LabelFieldProblem.aggregate(problems), position: start)
        }
        return LabelRequirement(validatedKey: key, operator: op, values: values)
    }

    // MARK: - Token stream

    private func lookahead(_ context: Context) -> Token {
        Self.contextual(current, context)
    }

    private mutating func consume(_ context: Context) -> Token {
        let token = Self.contextual(current, context)
        current = lex()
        return token
    }

    private static func contextual(_ token: Token, _ context: Context) -> Token {
        guard context == .values else { return token }
        switch token.kind {
        case .inKeyword, .notInKeyword:
            var identifier = token
            identifier.kind = .identifier
            return identifier
        default:
            return token
        }
    }

    private func text(_ token: Token) -> String {
        if token.start >= token.end { return "" }
        return String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    private func failure(_ message: String, at token: Token) -> LabelSelectorError {
        LabelSelectorError(message: message, position: token.start)
    }

    // MARK: - Lexer

    /// Produces the next token. Like upstream, a NUL byte is read as "end of input"
    /// where a token would start, and is swallowed where it ends one.
    private mutating func lex() -> Token {
        if finished {
            return Token(kind: .endOfString, start: bytes.count, end: bytes.count)
        }
        while position < bytes.count, Self.isWhitespace(bytes[position]) {
            position += 1
        }
        guard position < bytes.count, bytes[position] != 0 else {
            finished = true
            return Token(kind: .endOfString, start: position, end: position)
        }
        let start = position
        let byte = bytes[position]
        if Self.isSpecial(byte) {
            position += 1
            var kind: TokenKind
            switch byte {
            case UInt8(ascii: "!"): kind = .doesNotExist
            case UInt8(ascii: "="): kind = .equals
            case UInt8(ascii: "("): kind = .openPar
            case UInt8(ascii: ")"): kind = .closedPar
            case UInt8(ascii: ","): kind = .comma
            case UInt8(ascii: ">"): kind = .greaterThan
            default: kind = .lessThan
            }
            // The only two-character operators are "!=" and "==".
            if (kind == .doesNotExist || kind == .equals),
               position < bytes.count, bytes[position] == UInt8(ascii: "=")
            {
                kind = kind == .doesNotExist ? .notEquals : .doubleEquals
                position += 1
            }
            let end = position
            skipTerminatingNUL()
            return Token(kind: kind, start: start, end: end)
        }
        while position < bytes.count {
            let next = bytes[position]
            if next == 0 || Self.isSpecial(next) || Self.isWhitespace(next) { break }
            position += 1
        }
        let end = position
        skipTerminatingNUL()
        return Token(kind: keywordKind(start, end), start: start, end: end)
    }

    private mutating func skipTerminatingNUL() {
        if position < bytes.count, bytes[position] == 0 {
            position += 1
        }
    }

    private func keywordKind(_ start: Int, _ end: Int) -> TokenKind {
        switch end - start {
        case 2 where bytes[start] == UInt8(ascii: "i") && bytes[start + 1] == UInt8(ascii: "n"):
            return .inKeyword
        case 5 where bytes[start..<end].elementsEqual("notin".utf8):
            return .notInKeyword
        default:
            return .identifier
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: ","), UInt8(ascii: ">"), UInt8(ascii: "<"):
            return true
        default:
            return false
        }
    }
}

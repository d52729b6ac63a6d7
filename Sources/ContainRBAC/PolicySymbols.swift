/// Every distinct string a policy's rules compare against, numbered, so that a decision looks
/// each of the request's strings up once and then compares integers, rule after rule.
///
/// Verbs are numbered apart from the other words so that their numbers stay small enough for
/// a 64-bit mask (`CompiledRule.verbMask`); API groups, resources (as written in rules, so
/// `pods/status` is one word), subresources and resource names share one numbering, since a
/// rule only ever compares a request's value with values of the same field.
struct PolicySymbols: Sendable {
    /// The number of a string that no rule mentions: no rule's list contains it.
    static let absent: Int32 = -1

    private(set) var verbs: [String: Int32] = [:]
    private(set) var words: [String: Int32] = [:]
    /// The number of the empty string, looked up without hashing (the core API group is `""`).
    private(set) var emptyWord: Int32 = absent

    /// The number of `verb`, assigning the next one if it is new.
    mutating func internVerb(_ verb: String) -> Int32 {
        if let id = verbs[verb] { return id }
        let id = Int32(verbs.count)
        verbs[verb] = id
        return id
    }

    /// The number of `word`, assigning the next one if it is new.
    mutating func internWord(_ word: String) -> Int32 {
        if let id = words[word] { return id }
        let id = Int32(words.count)
        words[word] = id
        if word.isEmpty { emptyWord = id }
        return id
    }

    /// The number of `verb`, or `absent`.
    func verb(_ verb: String) -> Int32 { verbs[verb] ?? Self.absent }

    /// The number of `word`, or `absent`.
    func word(_ word: String) -> Int32 { word.isEmpty ? emptyWord : (words[word] ?? Self.absent) }
}

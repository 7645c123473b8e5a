#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SQLiteStore

/// Search over the FTS5 table `search`: ranked by bm25 when a query matches at most
/// `rankedMatchLimit` records, in index order when it matches more.
///
/// Ranking costs one bm25 score per match, each reading the match's column sizes and term
/// positions: FTS5 cannot know the best rows without scoring every one
/// (https://sqlite.org/fts5.html#the_bm25_function), so its cost grows with the number of
/// matches (BENCHMARKS.md has the figures). Past the limit, hits come in the order of the index's rowids
/// (`search_rows.id`: seeded records in the fixture's order, then records added later), which
/// FTS5 walks from any position without scoring; each hit's `rank` is still its bm25 score,
/// which costs one pass over the matches (bm25 counts them for its weights). The total is counted without ranking (`count(*)` reads only the doclists) and
/// kept per data version by the reader.
///
/// Ranked pages go by keyset on (rank, search rowid), index-order pages on the rowid alone. A
/// position keeps the order it was made in, so a client walks one order to the end even if
/// edits move the count across the limit meanwhile. The tie-breaker is the index row's rowid
/// (stable, one per record, kept across updates and VACUUM) rather than (kind, id): FTS5 keeps
/// kind and record id in its content table, and reading them for every match to sort by them
/// would add a content-table lookup per match. Ranks depend on the whole index (bm25
/// weighs a term by how many rows hold it), so a position stays exact while the data is
/// unchanged; after an edit, later pages follow the new ranks.
public struct SQLiteSearchRepository: SearchRepository {
    let reader: SQLiteDatasetReader
    /// The most matches a search ranks; past it, hits come in index order.
    var rankedMatchLimit = Self.defaultRankedMatchLimit

    /// Chosen so that ranking stays well inside a search's time budget (see BENCHMARKS.md).
    public static let defaultRankedMatchLimit = 1_000

    public func search(_ asked: SearchQuery) throws -> Page<SearchHit> {
        var fingerprinter = QueryFingerprint(list: "search")
        fingerprinter.add("q", asked.text)
        fingerprinter.add("kind", anyOf: asked.kinds.map(\.rawValue))
        let fingerprint = fingerprinter.value
        // What FTS5 runs: the prefix terms widened to the stems they cut into.
        var query = asked
        query.text = PrefixTerms.expanded(asked.text)
        let rowsToFetch = KeysetQuery.rowsToFetch(forPageOf: query.limit)
        // Each statement is prepared before it runs, and a failure to prepare is the server's own
        // error, not the query's (`Prepared` carries it past the catch below): the query text is
        // a bound value, so a bad one fails only in step. The SQL of a search without a kind
        // filter is the same for every text and is built once; the keyset queries are built
        // only when a page needs them, since most searches end on the first, which takes the
        // unordered path.
        let connection = reader.connection
        func prepared(_ sql: KeysetQuery.SQL) throws(PrepareFailure) -> KeysetQuery.SQL {
            do { _ = try connection.cached(sql.sql) } catch { throw PrepareFailure(error: error) }
            return sql
        }
        let count: KeysetQuery.SQL
        do {
            count = try prepared(query.kinds.isEmpty
                ? (Self.countWithoutKindsSQL, [.text(query.text)])
                : Self.keysetQuery(query, isRanked: true).countSQL)
        } catch {
            // Outside the catch below: the engine's own error (a damaged index is a 503).
            throw error.error
        }
        /// A decoded hit with its snippet, from FTS5 when `SearchSnippet` could not make it.
        func complete(_ found: (hit: PartialHit, rowid: Int64)) throws -> SearchHit {
            let hit = found.hit
            guard let rank = hit.rank else { preconditionFailure("a hit without a rank: \(hit.id)") }
            let snippet = try hit.snippet ?? connection.query(
                Self.fallbackSnippetSQL, [.text(query.text), .integer(found.rowid)]
            ) { try $0.string(0) }.first ?? ""
            return SearchHit(kind: hit.kind, id: hit.id, title: hit.title, snippet: snippet, rank: rank)
        }
        do {
            return try reader.read {
                // The first page counts the matches (once per state of the data) to choose its order.
                let total = query.position == nil
                    ? try reader.total(fingerprint: fingerprint, countSQL: count) : nil
                let isRanked = if let position = query.position {
                    position.values.count != 1
                } else {
                    total! <= rankedMatchLimit
                }
                if isRanked, let total, total <= query.limit {
                    // Every match fits on this page: sort them here, which costs less than the
                    // temporary B-tree SQLite keeps the best LIMIT rows in (a quarter of the query).
                    // Without a kind filter, `total` is also what bm25 weighs a one-phrase query
                    // by, so the rank is computed here instead of by a second pass over the
                    // doclist; a query of more phrases (its rows say so) takes bm25 after all.
                    var found: [(hit: PartialHit, rowid: Int64)]?
                    if query.kinds.isEmpty {
                        let own = try prepared((Self.unrankedMatchesSQL, [.text(query.text)]))
                        var rows: [(hit: PartialHit, rowid: Int64)] = []
                        rows.reserveCapacity(total)
                        do {
                            // Every row has the query's phrase count: the first one says whether
                            // the rank can be computed here, and the rest are not read if not.
                            try connection.forEachRow(own.sql, own.bindings) { row in
                                let decoded = try Self.decode(row, matchingRows: total)
                                guard decoded.hit.rank != nil else { throw MorePhrasesThanOne() }
                                rows.append(decoded)
                            }
                            found = rows
                        } catch is MorePhrasesThanOne {}
                    }
                    if found == nil, let unordered = Self.keysetQuery(query, isRanked: true).unorderedSQL {
                        let all = try prepared(unordered)
                        found = try connection.query(all.sql, all.bindings, Self.decode)
                    }
                    // Sorted by position, so the hits themselves (strings and all) move only once.
                    let all = found ?? []
                    if all.count <= query.limit {
                        // The keys are sorted beside the positions, not read through the hits.
                        var order = all.indices.map { (rank: all[$0].hit.rank ?? 0, rowid: all[$0].rowid, index: $0) }
                        order.sort { ($0.rank, $0.rowid) < ($1.rank, $1.rowid) }
                        return try Page(items: order.map { try complete(all[$0.index]) }, total: all.count, next: nil)
                    }
                }
                // In index order, a query of one phrase without a kind filter has its ranks
                // computed here from the count of its matches: bm25 would make its own pass over
                // all of them (a million for a word in every event) to count them again.
                var pageShape = Self.keysetQuery(query, isRanked: isRanked)
                var decode: (Row) throws -> (hit: PartialHit, rowid: Int64) = Self.decode
                if !isRanked, query.kinds.isEmpty, try phraseCount(of: query.text, prepared) == 1 {
                    let matches = try total ?? reader.total(fingerprint: fingerprint, countSQL: count)
                    pageShape = Self.keysetQuery(query, isRanked: false, ranksComputedHere: true)
                    decode = { try Self.decode($0, matchingRows: matches) }
                }
                // A position of the other order's shape is refused by `page` before it runs SQL.
                let pageSQL = query.position.map { $0.values.count == pageShape.order.count } ?? true
                    ? try prepared(pageShape.pageSQL(after: query.position?.values, limit: rowsToFetch)) : nil
                let page = try reader.page(
                    pageShape, limit: query.limit, position: query.position, fingerprint: fingerprint,
                    prebuilt: pageSQL.map { (page: $0, count: count) }, decode: decode,
                    key: { isRanked ? [.real($0.hit.rank ?? 0), .integer($0.rowid)] : [.integer($0.rowid)] })
                return try page.map(complete)
            }
        } catch let error as SQLiteError where error.code.primary == .error {
            throw SearchError.invalidQuery(error.message)
        } catch let failure as PrepareFailure {
            throw failure.error
        }
    }

    /// How many phrases FTS5 makes of `text` (`match_offsets` of its first match; 0 without one).
    private func phraseCount(
        of text: String, _ prepared: (KeysetQuery.SQL) throws(PrepareFailure) -> KeysetQuery.SQL
    ) throws -> Int {
        let probe = try prepared((Self.phraseCountSQL, [.text(text)]))
        return try reader.connection.queryFirst(probe.sql, probe.bindings) { row in
            row.withUnsafeBytes(0) { MatchOffsets(blob: $0).phraseCount }
        } ?? 0
    }

    static let phraseCountSQL = "SELECT match_offsets(search) FROM search WHERE search MATCH ? LIMIT 1"

    /// Every match of a query without a kind filter, unordered, NULL for the rank (computed in
    /// `decode`); `keysetQuery`'s own SQL, built once: its only binding is the query text.
    static let unrankedMatchesSQL = keysetQuery(SearchQuery(text: ""), isRanked: true, ranksComputedHere: true).unorderedSQL!.sql

    /// The count of a query's matches without a kind filter; its only binding is the query text.
    static let countWithoutKindsSQL = keysetQuery(SearchQuery(text: ""), isRanked: true).countSQL.sql

    /// Stops reading a query's matches when its rank needs FTS5's bm25 after all.
    private struct MorePhrasesThanOne: Error {}

    /// A statement that failed to prepare: the server's error, whatever SQLite's code says.
    struct PrepareFailure: Error {
        var error: any Error
    }

    /// The search's SQL, best match first or in index order. The kind filter reads
    /// `search_rows` by rowid rather than the FTS5 content table's UNINDEXED `kind`, which
    /// loads the whole row: four times cheaper over 100,000 matches.
    /// `ranksComputedHere`: NULL in place of bm25, for `decode(_:matchingRows:)`.
    ///
    /// A hit's columns come from FTS5's content table, `search_content(id, c0, c1, c2, c3)`:
    /// kind, record_id, title and body, joined by rowid, rather than through the virtual
    /// table's columns, which FTS5 hands out as copies (a `malloc`, a `memcpy` and a `free` per
    /// column and row: 8 % of a search). The layout of FTS5's shadow tables is part of the
    /// database file format, which SQLite keeps readable from release to release
    /// (sqlite.org/fts5.html, "the %_content table"); `SearchRepositoryTests` checks the
    /// join gives every row's own columns.
    static func keysetQuery(_ query: SearchQuery, isRanked: Bool, ranksComputedHere: Bool = false) -> KeysetQuery {
        // Where the rank is computed here, the column sizes come from the row's `%_docsize`
        // record, joined like its content (`MatchOffsets.readSizes`).
        let columns: StaticString = ranksComputedHere
            ? "c.c0, c.c1, c.c2, c.c3, match_offsets(search, 0), NULL, search.rowid, d.sz"
            : "c.c0, c.c1, c.c2, c.c3, match_offsets(search), bm25(search, 0.0, 0.0, 4.0, 1.0), search.rowid"
        let source: StaticString = ranksComputedHere
            ? "search JOIN search_content c ON c.id = search.rowid JOIN search_docsize d ON d.id = search.rowid"
            : "search JOIN search_content c ON c.id = search.rowid"
        var sql = KeysetQuery(
            select: columns, from: source, countFrom: "search",
            order: isRanked
                ? [.init("bm25(search, 0.0, 0.0, 4.0, 1.0)", .real), .init("search.rowid", .integer)]
                : [.init("search.rowid", .integer)])
        sql.filter("search MATCH ?", .text(query.text))
        sql.filter(
            "EXISTS (SELECT 1 FROM search_rows r WHERE r.id = search.rowid AND r.kind {in})",
            anyOf: query.kinds.map(\.rawValue))
        return sql
    }

    /// FTS5's own snippet of one hit, for the rare text that `SearchSnippet` splits into tokens
    /// differently from FTS5.
    static let fallbackSnippetSQL = "SELECT snippet(search, -1, '[', ']', '…', 12) FROM search WHERE search MATCH ? AND rowid = ?"

    /// The FTS5 columns `match_offsets` reports: title and body (kind and record_id are UNINDEXED).
    static let titleColumn = 2
    static let bodyColumn = 3
    /// bm25's weights for them, as in the SQL: a title match counts four times a body match.
    static let titleWeight = 4.0
    static let bodyWeight = 1.0

    /// A hit and its index row's rowid (its tie-breaker), with the rank from column 5. The
    /// snippet is nil when it has to come from FTS5 after all (`SearchSnippet.make`).
    static func decode(_ row: Row) throws -> (hit: PartialHit, rowid: Int64) {
        try decode(row, matchingRows: nil)
    }

    /// `decode`, where the rank of a query that `matchingRows` rows match is computed here
    /// (`MatchOffsets.bm25`) rather than read from column 5: nil for a query of more than one
    /// phrase.
    static func decode(_ row: Row, matchingRows: Int?) throws -> (hit: PartialHit, rowid: Int64) {
        let (snippet, rank): (String?, Double?) = row.withUnsafeBytes(4) { blob in
            var offsets = MatchOffsets(blob: blob)
            if matchingRows != nil { row.withUnsafeBytes(7) { offsets.readSizes(docsize: $0) } }
            let inTitle = offsets.bodyMatches == 0 && offsets.titleMatches > 0
            let column = inTitle ? titleColumn : bodyColumn
            // The column's matches go on the stack for the snippet: no array per hit.
            let snippet = withUnsafeTemporaryAllocation(
                of: SearchSnippet.Match.self, capacity: max(inTitle ? offsets.titleMatches : offsets.bodyMatches, 1)
            ) { buffer in
                let matches = MatchOffsets.matches(in: blob, column: column, into: buffer)
                return row.withUnsafeBytes(column) {
                    SearchSnippet.make(text: $0, tokenCount: inTitle ? offsets.titleTokens : offsets.bodyTokens, matches: matches)
                }
            }
            return (snippet, matchingRows.flatMap { offsets.bm25(matchingRows: $0) })
        }
        let hit = PartialHit(
            kind: try row.value(0, as: SearchKind.self, table: "search"), id: try row.string(1),
            title: try row.string(2), snippet: snippet, rank: matchingRows == nil ? try row.double(5) : rank)
        return (hit, try row.int64(6))
    }

    /// What `match_offsets()` says of one row (CSQLite/shim.h): the matches in the title and the
    /// body, each column's size in tokens, and what bm25 weighs them by.
    struct MatchOffsets {
        /// How many matches the title and the body hold (`matches(in:column:into:)` reads them).
        var titleMatches = 0
        var bodyMatches = 0
        var titleTokens = -1
        var bodyTokens = -1
        /// Tokens in the row, every column.
        var rowTokens = 0
        var phraseCount = 0
        var tableRows = 0
        var tableTokens = 0

        /// An empty or malformed blob leaves every count unknown: no snippet, no rank.
        init(blob bytes: UnsafeRawBufferPointer) {
            let blob = Blob(bytes: bytes)
            guard let columns = blob.columns else { return }
            phraseCount = blob.value(1)
            tableRows = Int(truncatingIfNeeded: blob.wide(2))  // 64-bit in FTS5 too
            tableTokens = Int(truncatingIfNeeded: blob.wide(3))
            for column in 0..<columns { rowTokens &+= blob.value(4 + column) }
            titleTokens = blob.value(4 + titleColumn)
            bodyTokens = blob.value(4 + bodyColumn)
            var index = 4 + columns
            while index + 4 <= blob.count {
                switch blob.value(index + 1) {
                case titleColumn: titleMatches += 1
                case bodyColumn: bodyMatches += 1
                default: break
                }
                index += 4
            }
        }

        /// The matches in `column` of a `match_offsets()` blob, in the blob's order, written to
        /// `buffer` (room for as many as `init(blob:)` counted in that column); empty for a blob
        /// that `init(blob:)` finds malformed.
        static func matches(
            in bytes: UnsafeRawBufferPointer, column: Int, into buffer: UnsafeMutableBufferPointer<SearchSnippet.Match>
        ) -> UnsafeBufferPointer<SearchSnippet.Match> {
            let blob = Blob(bytes: bytes)
            var written = 0
            if let columns = blob.columns {
                var index = 4 + columns
                while index + 4 <= blob.count, written < buffer.count {
                    if blob.value(index + 1) == column {
                        buffer.initializeElement(
                            at: written,
                            to: SearchSnippet.Match(
                                phrase: blob.value(index), firstToken: blob.value(index + 2), tokenCount: blob.value(index + 3)))
                        written += 1
                    }
                    index += 4
                }
            }
            return UnsafeBufferPointer(rebasing: buffer[..<written])
        }

        /// A `match_offsets()` blob read in place, without assuming alignment (a value that went
        /// through SQLite's sorter points into a record at any offset).
        private struct Blob {
            let bytes: UnsafeRawBufferPointer

            /// How many 64-bit values it holds.
            var count: Int { bytes.count / MemoryLayout<Int64>.size }

            func wide(_ index: Int) -> Int64 {
                bytes.loadUnaligned(fromByteOffset: index * MemoryLayout<Int64>.size, as: Int64.self)
            }

            /// A per-row figure, clamped to FTS5's `int` range.
            func value(_ index: Int) -> Int { Int(min(max(wide(index), Int64(Int32.min)), Int64(Int32.max))) }

            /// The number of columns, when the header and the column sizes are all there and the
            /// columns include the title and the body; nil for a malformed blob.
            var columns: Int? {
                guard count >= 4 else { return nil }
                let columns = value(0)
                return columns > bodyColumn && columns <= 64 && count >= 4 + columns ? columns : nil
            }
        }

        /// Takes the column sizes from a `%_docsize` record (`sz`): one varint per column, as
        /// FTS5 writes it (fts5_storage.c, fts5StorageInsertDocsize; sqlite3Fts5GetVarint's
        /// format). A record that does not hold one for every column leaves them unknown.
        mutating func readSizes(docsize: UnsafeRawBufferPointer) {
            var sizes = (title: -1, body: -1)
            var total = 0
            var offset = 0
            var column = 0
            while offset < docsize.count {
                var value: UInt64 = 0
                var length = 0
                while true {
                    guard offset < docsize.count, length < 9 else { return }
                    let byte = docsize[offset]
                    offset += 1
                    length += 1
                    if length == 9 {
                        value = value << 8 | UInt64(byte)
                        break
                    }
                    value = value << 7 | UInt64(byte & 0x7F)
                    if byte & 0x80 == 0 { break }
                }
                let size = Int(min(value, UInt64(Int32.max)))
                if column == titleColumn { sizes.title = size }
                if column == bodyColumn { sizes.body = size }
                total &+= size
                column += 1
            }
            guard column > Self.highestColumn else { return }
            titleTokens = sizes.title
            bodyTokens = sizes.body
            rowTokens = total
        }

        private static let highestColumn = max(titleColumn, bodyColumn)

        /// FTS5's `bm25(search, 0.0, 0.0, 4.0, 1.0)` for a query of one phrase that
        /// `matchingRows` rows match, by the same formula and in the same order of operations
        /// (fts5_aux.c, fts5Bm25Function): bm25 itself counts those rows with a second pass over
        /// the phrase's doclist on every query, and the repository has already counted them.
        /// Nil for a query of more phrases, which needs each one's count, or when the row's
        /// size is unknown.
        func bm25(matchingRows: Int) -> Double? {
            guard phraseCount == 1, tableRows > 0, rowTokens >= 0 else { return nil }
            let k1 = 1.2
            let b = 0.75
            let averageRowTokens = Double(tableTokens) / Double(tableRows)
            var idf = log((Double(tableRows) - Double(matchingRows) + 0.5) / (Double(matchingRows) + 0.5))
            if idf <= 0.0 { idf = 1e-6 }
            var frequency = 0.0
            for _ in 0..<titleMatches { frequency += titleWeight }
            for _ in 0..<bodyMatches { frequency += bodyWeight }
            let score = 0.0 + idf * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * Double(rowTokens) / averageRowTokens)))
            return -1.0 * score
        }
    }

    /// A hit whose snippet may still be missing.
    struct PartialHit {
        var kind: SearchKind
        var id: String
        var title: String
        var snippet: String?
        /// Nil only from `decode(_:matchingRows:)`, for a query of more than one phrase.
        var rank: Double?
    }
}

import SCOData

extension WriteError {
    /// The problem this refusal is answered with: 422 listing the pointers, or 409.
    var apiError: APIError {
        switch self {
        case .invalid(let problems):
            .invalidFields(problems.map { APIError.FieldProblem(pointer: $0.pointer, detail: $0.message) })
        case .idTaken, .referenced, .quotesWouldBreak:
            .conflict(detail: description.prefix(1).uppercased() + description.dropFirst() + ".")
        }
    }
}

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>
/// ResponseStatus.ErrorCode values. ServiceStack puts the exception's type name there (RecordNotFoundException,
/// SerializationException, ArgumentException) or, for a validation failure, the failed rule (NotEmpty,
/// GreaterThan). The Jiwa business-logic names below are chosen in that style; the vendor does not list them.
/// </summary>
internal static class JiwaErrorCodes
{
    public const string Unauthorized = "Unauthorized";
    public const string NotFound = "NotFound";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string NotAcceptable = "NotAcceptable";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string TooManyRequests = "TooManyRequests";
    public const string InternalServerError = "InternalServerError";
    public const string RecordNotFound = "RecordNotFoundException";
    public const string Serialization = "SerializationException";
    public const string Argument = "ArgumentException";
    public const string NotEmpty = "NotEmpty";
    public const string GreaterThan = "GreaterThan";
    public const string GreaterThanOrEqual = "GreaterThanOrEqual";

    /// <summary>(chosen) Save of a stateful copy whose record was saved by someone else meanwhile.</summary>
    public const string ConcurrencyConflict = "ConcurrencyConflictException";

    /// <summary>(chosen) A sales order or quote for a debtor whose account is on hold.</summary>
    public const string DebtorOnHold = "DebtorOnHoldException";

    /// <summary>(chosen) A debtor saved with an account number another debtor has.</summary>
    public const string DuplicateRecord = "DuplicateRecordException";
}

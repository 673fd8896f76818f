namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>
/// ServiceStack's QueryResponse, properties in its order: Offset (the Skip applied), Total (the filtered count
/// with Include=Total, else 0), Results, ResponseStatus (null on success).
/// </summary>
internal sealed record QueryResponse(int Offset, int Total, IReadOnlyList<OrderedDictionary<string, object?>> Results, object? ResponseStatus);

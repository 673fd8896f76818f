namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// The comparisons the emulated list APIs filter with (Jiwa's AutoQuery conventions, Weavy's Select
/// operators); each system accepts its own subset under its own spelling.
/// </summary>
internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    StartsWith,
    EndsWith,
    Contains,
    In,
}

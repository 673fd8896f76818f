using ErpConnectors.Sandbox.Qics.Http;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>One wording for every $filter error: what is wrong, where (1-based), and the whole filter.</summary>
internal static class FilterErrors
{
    public const string Target = "$filter";

    public static QicsApiException At(string filter, int position, string problem) =>
        QicsErrors.BadRequest($"The $filter is not valid: {problem} (at position {position + 1} in '{filter}').", Target);
}

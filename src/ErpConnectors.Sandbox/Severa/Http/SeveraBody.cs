using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>
/// Reading JSON request bodies as the vendor's ASP.NET server does: a JSON media type or 415, valid JSON or
/// 400, property names matched case-insensitively (<see cref="JsonBody.TryGet"/>).
/// </summary>
internal static class SeveraBody
{
    public static Task<JsonElement> ReadAsync(HttpContext context) => JsonBody.ReadAsync(
        context,
        SeveraErrors.UnsupportedMediaType,
        problem => SeveraErrors.InvalidRequest($"The request body is not valid JSON: {problem}"));
}

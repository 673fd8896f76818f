using ErpConnectors.Sandbox.Microbizz.Data;

namespace ErpConnectors.Sandbox.Microbizz.Http;

/// <summary>What the gateway resolved for a request: the object, the id segment (if any), the token's user.</summary>
internal sealed record MicrobizzRequest(ObjectDefinition Object, string? Id)
{
    public const string Item = "ErpConnectors.Sandbox.Microbizz.Request";

    public static MicrobizzRequest Of(HttpContext context) => (MicrobizzRequest)context.Items[Item]!;
}

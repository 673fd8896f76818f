namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>One structural property of an entity type.</summary>
/// <param name="Nullable">False: null is refused on writes (the property then needs a value or a default).</param>
/// <param name="Required">Must be sent, non-null, on POST and PUT.</param>
/// <param name="Computed">
/// Set by the server (keys, CreatedOn, related fields of an overview); a value sent in a body is ignored, as
/// OData does with Core.Computed properties.
/// </param>
/// <param name="Default">The value a POST or PUT that leaves the property out gets.</param>
internal sealed record EdmProperty(
    string Name,
    EdmType Type,
    bool Nullable = true,
    bool Required = false,
    bool Computed = false,
    object? Default = null);

using System.Collections.Generic;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Qics;

/// <summary>Completes -Entity: the documented entities, their Overview queries, and EntityState.</summary>
public sealed class QicsEntityCompleter : ListCompleter
{
    protected override IEnumerable<string> Values => QicsApi.EntityNames;
}

/// <summary>Completes -EntityType from the EntityState types the vendor document lists.</summary>
public sealed class QicsEntityTypeCompleter : ListCompleter
{
    protected override IEnumerable<string> Values => QicsApi.EntityTypes;
}

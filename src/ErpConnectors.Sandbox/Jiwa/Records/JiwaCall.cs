namespace ErpConnectors.Sandbox.Jiwa.Records;

/// <summary>Who is calling (the key of its stateful objects) and whether this request is stateful.</summary>
internal readonly record struct JiwaCall(string Caller, bool Stateful);

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// An output value whose last step is left to the pipeline thread: <see cref="PipelineBridge"/> calls
/// <see cref="Resolve"/> just before it writes the value. A streaming list does its network reading and record
/// splitting on one thread and builds the records on the pipeline thread, which otherwise mostly waits: the two
/// halves of the work run side by side.
/// </summary>
internal interface IDeferredValue
{
    object? Resolve();
}

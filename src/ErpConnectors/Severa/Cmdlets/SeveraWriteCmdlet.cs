using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>A Severa cmdlet that changes data: sends one request per record, failures are per record.</summary>
public abstract class SeveraWriteCmdlet : SeveraCmdlet
{
    /// <summary>Sends <paramref name="request"/>; emits the answer (typed <paramref name="typeName"/>) when asked to.</summary>
    internal void Send(ApiRequest request, string typeName, object target, bool emit)
    {
        var runtime = Runtime; // resolved here: the default connection belongs to this (pipeline) thread's runspace
        Run(async (output, token) =>
        {
            object? answer = await runtime.SendForValueAsync(request, typeName, output, token).ConfigureAwait(false);
            if (emit)
            {
                await ListCmdletSupport.EmitAsync(output, answer, token).ConfigureAwait(false);
            }
        }, target: target);
    }
}

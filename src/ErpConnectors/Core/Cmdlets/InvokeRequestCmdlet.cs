using System;
using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// The escape hatch of every system (Invoke-&lt;System&gt;Request): any route, with the connection's
/// authentication, pacing, retries and error handling. Answers stream record by record; -All follows the
/// system's paging. Methods other than GET ask ShouldProcess.
/// </summary>
public abstract class InvokeRequestCmdlet<TConnection> : ConnectedCmdlet<TConnection>
    where TConnection : ErpConnection
{
    [Parameter(Position = 1)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
    public string Method { get; set; } = "GET";

    /// <summary>The route relative to the connection's base URI, e.g. "customers" or "invoices/{guid}".</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Query parameters; an array value repeats the key.</summary>
    [Parameter]
    public IDictionary? Query { get; set; }

    /// <summary>The body: a hashtable or object (sent as JSON), or a JSON string sent as is.</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? Body { get; set; }

    /// <summary>Follow the system's paging to the end of the list.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>Rows per page with -All.</summary>
    [Parameter]
    [ValidateRange(1, 100000)]
    public int PageSize { get; set; } = 100;

    /// <summary>The paging -All follows for this request.</summary>
    internal abstract PagingStrategy PagingFor(ApiRequest request);

    /// <summary>Where the array sits in a paged answer (null: the answer is the array).</summary>
    internal virtual string? ArrayProperty => null;

    internal abstract string RecordTypeName { get; }

    /// <summary>Adds what this system puts on every request of this cmdlet (headers from its own switches).</summary>
    internal virtual void Shape(ApiRequest request)
    {
    }

    protected override void ProcessRecord()
    {
        if (RelativePath.Problem(Path) is { } problem)
        {
            WriteError(ErrorMapper.InvalidArgument("ErpConnectors.PathOutsideBase", problem, Path));
            return;
        }

        var method = new HttpMethod(Method.ToUpperInvariant());
        var request = new ApiRequest(method, Path); // only safe methods are replayed (the request's default)
        Shape(request);
        if (Query is not null)
        {
            foreach (DictionaryEntry entry in Query)
            {
                string key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                object? value = PSObject.AsPSObject(entry.Value ?? string.Empty).BaseObject;
                if (value is IEnumerable values && value is not string)
                {
                    foreach (object? item in values)
                    {
                        request.Add(key, item is PSObject p ? p.BaseObject : item);
                    }
                }
                else
                {
                    request.Add(key, value);
                }
            }
        }

        if (Body is not null)
        {
            try
            {
                request.Body = JsonBody.FromUserInput(Body);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException || ex is ArgumentException)
            {
                WriteError(ErrorMapper.InvalidArgument("ErpConnectors.InvalidBody", $"-Body is not valid JSON or cannot be sent as JSON: {ex.Message}", Body));
                return;
            }
        }

        if (method != HttpMethod.Get && !ShouldProcess($"{Runtime.BaseUri.AbsoluteUri.TrimEnd('/')}/{request.Path}", $"{method} request"))
        {
            return;
        }

        if (All)
        {
            ListCmdletSupport.Stream(this, Runtime, request, PagingFor(request), RecordTypeName, $"Reading {request.Path}", PageSize, ArrayProperty);
            return;
        }

        var runtime = Runtime; // resolved on the pipeline thread, where the runspace's default connection lives
        Run(async (output, token) =>
        {
            // The escape hatch may reach routes that answer text (CSV, XML, plain text): those come back as a string.
            object? answer = await runtime.SendForValueAsync(request, RecordTypeName, output, token, acceptText: true).ConfigureAwait(false);
            await ListCmdletSupport.EmitAsync(output, answer, token).ConfigureAwait(false);
        }, target: Path);
    }
}

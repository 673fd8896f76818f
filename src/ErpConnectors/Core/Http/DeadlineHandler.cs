using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Starts each call's clock (<see cref="CallDeadline"/>) before the retries, turns a spent attempt or call into a
/// <see cref="CallTimeoutException"/> that says which deadline ran out, and hands the body on behind the same
/// deadlines (<see cref="DeadlineContent"/>), so a body that stops or trickles cannot hold a pipeline forever.
/// </summary>
internal sealed class DeadlineHandler : DelegatingHandler
{
    private readonly RetrySettings _settings;

    public DeadlineHandler(RetrySettings settings) => _settings = settings;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallOptions? call = CallOptions.Of(request);
        var deadline = new CallDeadline(_settings.IdleTimeout, _settings.TotalTimeout);
        if (call is not null)
        {
            call.Deadline = deadline;
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            throw new CallTimeoutException(deadline.Describe(inBody: false, deadline.TotalSpent), deadline.TotalSpent, ex);
        }

        deadline.HeadersArrived();
        if (response.Content is { } content)
        {
            string system = call?.SystemName ?? "ErpConnectors";
            string what = call?.Call ?? $"{request.Method} {request.RequestUri?.AbsolutePath}";
            bool mayHaveApplied = !RetryRules.IsSafeMethod(request.Method);
            response.Content = new DeadlineContent(content, deadline, inner => ErrorMapper.FromTransport(system, what, inner, mayHaveApplied));
        }

        return response;
    }
}

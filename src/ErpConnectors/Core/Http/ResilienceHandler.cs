using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Retries with exponential backoff and jitter, honours Retry-After (capped), and bounds each attempt by the
/// call's idle deadline (or what is left of its total one). What may be retried is decided per request by
/// <see cref="RetryRules"/>; an attempt that timed out is retried at most <see cref="RetrySettings.MaxTimeoutRetries"/>
/// times, and never once the total deadline is spent.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("ErpConnectors.Request");
    private static readonly ResiliencePropertyKey<bool> IdempotentKey = new("ErpConnectors.Idempotent");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ResilienceHandler(RetrySettings settings)
    {
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args =>
                {
                    bool idempotent = args.Context.Properties.GetValue(IdempotentKey, false);
                    bool retry = args.Outcome.Result is { } response
                        ? RetryRules.ShouldRetry(response, idempotent)
                        : args.Outcome.Exception is { } ex && !args.Context.CancellationToken.IsCancellationRequested && RetryRules.ShouldRetry(ex, idempotent);
                    if (retry && args.Outcome.Exception is TimeoutRejectedException)
                    {
                        var call = CallOptions.Of(args.Context.Properties.GetValue(RequestKey, null!));
                        call?.CountTimeout();
                        retry = call is null || (call.Timeouts <= settings.MaxTimeoutRetries && call.Deadline?.TotalSpent != true);
                    }

                    return new ValueTask<bool>(retry && settings.MaxRetries > 0);
                },
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is { } response ? RetryRules.RetryAfter(response, settings.MaxDelay, DateTimeOffset.UtcNow) : null),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    var call = CallOptions.Of(request);
                    call?.CountRetry();
                    string why = args.Outcome.Result is { } response ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : args.Outcome.Exception?.Message ?? "failure";
                    call?.Output?.Verbose($"{call.SystemName} {request.Method} {Redactor.PathAndQuery(request.RequestUri)}: {why}; retrying in {args.RetryDelay.TotalMilliseconds:0} ms");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args =>
                {
                    var deadline = CallOptions.Of(args.Context.Properties.GetValue(RequestKey, null!))?.Deadline;
                    TimeSpan wait = deadline?.NextWait ?? settings.IdleTimeout;
                    // Zero would mean "no timeout" to Polly; a spent deadline must time out at once instead.
                    return new ValueTask<TimeSpan>(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1));
                },
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = CallOptions.Of(request);
        bool idempotent = call?.Idempotent ?? RetryRules.IsSafeMethod(request.Method);
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(IdempotentKey, idempotent);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, self) => new ValueTask<HttpResponseMessage>(self.SendOnceAsync(ctx.Properties.GetValue(RequestKey, null!), ctx.CancellationToken)),
                context,
                this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}

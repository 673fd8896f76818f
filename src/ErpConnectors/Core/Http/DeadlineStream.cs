using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Http;

/// <summary>
/// A body stream whose every read must bring data within the call's idle deadline (and what is left of its total
/// one). Only the time a read waits counts, never the time between reads, when the pipeline is busy downstream.
/// A read that runs out closes the connection's stream and throws the call's categorised timeout error.
/// </summary>
internal sealed class DeadlineStream : Stream
{
    private readonly Stream _inner;
    private readonly CallDeadline _deadline;
    private readonly Func<CallTimeoutException, Exception> _fail;

    public DeadlineStream(Stream inner, CallDeadline deadline, Func<CallTimeoutException, Exception> fail)
    {
        _inner = inner;
        _deadline = deadline;
        _fail = fail;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        TimeSpan wait = _deadline.NextWait;
        if (wait <= TimeSpan.Zero)
        {
            throw Expired(totalSpent: true);
        }

        long started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            Task<int> read = _inner.ReadAsync(buffer, offset, count, stop.Token);
            if (!read.IsCompleted)
            {
                // WhenAny rather than the token alone: some streams (.NET Framework's) ignore a cancelled token.
                Task first = await Task.WhenAny(read, Task.Delay(wait, stop.Token)).ConfigureAwait(false);
                if (first != read)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    stop.Cancel();
                    _inner.Dispose(); // ends the transfer
                    _ = read.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                    throw Expired(totalSpent: wait < _deadline.Idle); // the wait was cut short by the total deadline
                }

                stop.Cancel(); // the timer is no longer needed
            }

            return await read.ConfigureAwait(false);
        }
        finally
        {
            _deadline.AddBodyWait(TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency))));
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private Exception Expired(bool totalSpent) => _fail(new CallTimeoutException(_deadline.Describe(inBody: true, totalSpent), totalSpent));
}

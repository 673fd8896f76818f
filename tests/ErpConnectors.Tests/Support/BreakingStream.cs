namespace ErpConnectors.Tests.Support;

/// <summary>
/// A body that breaks off: serves the first <c>breakAfter</c> bytes of <c>bytes</c> (in small reads, as a socket
/// would), then fails the way a reset connection does, or ends cleanly there when <c>endCleanly</c> is set (a server
/// that closes the connection to end its answer). Counts what was read.
/// </summary>
internal sealed class BreakingStream : Stream
{
    private readonly byte[] _bytes;
    private readonly long _breakAfter;
    private readonly bool _endCleanly;
    private long _position;

    public BreakingStream(byte[] bytes, long breakAfter, bool endCleanly = false)
    {
        _bytes = bytes;
        _breakAfter = breakAfter;
        _endCleanly = endCleanly;
    }

    public long BytesRead => Interlocked.Read(ref _position);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        long limit = Math.Min(_bytes.Length, _breakAfter);
        if (_position >= limit)
        {
            if (_position >= _bytes.Length || _endCleanly)
            {
                return 0;
            }

            throw new IOException("The response ended prematurely (connection reset by the test).");
        }

        int n = (int)Math.Min(Math.Min(count, 97), limit - _position);
        Array.Copy(_bytes, _position, buffer, offset, n);
        Interlocked.Add(ref _position, n);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        byte[] chunk = new byte[buffer.Length];
        int n = Read(chunk, 0, chunk.Length);
        chunk.AsSpan(0, n).CopyTo(buffer.Span);
        return new ValueTask<int>(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>An endless body of one byte, generated as it is read (a gateway's 200 MB error page), counting what was read.</summary>
internal sealed class HugeStream : Stream
{
    private readonly long _length;
    private long _position;

    public HugeStream(long length) => _length = length;

    public long BytesRead => Interlocked.Read(ref _position);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = (int)Math.Min(count, _length - _position);
        buffer.AsSpan(offset, n).Fill((byte)'x');
        Interlocked.Add(ref _position, n);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int n = (int)Math.Min(buffer.Length, _length - _position);
        buffer.Span.Slice(0, n).Fill((byte)'x');
        Interlocked.Add(ref _position, n);
        return new ValueTask<int>(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

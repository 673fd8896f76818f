namespace ErpConnectors.Tests.Support;

/// <summary>
/// A read-only stream over fixed bytes that hands out between 1 and <c>maxChunk</c> bytes per read (pseudo-random,
/// seeded), so JSON tokens and elements are split at every possible place across reads.
/// </summary>
internal sealed class TrickleStream : Stream
{
    private readonly byte[] _data;
    private readonly Random _random;
    private readonly int _maxChunk;
    private int _position;

    public TrickleStream(byte[] data, int maxChunk = 7, int seed = 1)
    {
        _data = data;
        _maxChunk = maxChunk;
        _random = new Random(seed);
    }

    public TrickleStream(string text, int maxChunk = 7, int seed = 1)
        : this(System.Text.Encoding.UTF8.GetBytes(text), maxChunk, seed)
    {
    }

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Reads++;
        int remaining = _data.Length - _position;
        if (remaining == 0 || count == 0)
        {
            return 0;
        }

        int n = Math.Min(Math.Min(count, remaining), _random.Next(1, _maxChunk + 1));
        Buffer.BlockCopy(_data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        byte[] temp = new byte[buffer.Length];
        int n = Read(temp, 0, temp.Length);
        temp.AsSpan(0, n).CopyTo(buffer.Span);
        return new ValueTask<int>(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

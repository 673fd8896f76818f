namespace ErpConnectors.Tests.Support;

/// <summary>Serves the first part at once and the rest only when the gate opens (a slow server).</summary>
internal sealed class GatedStream : Stream
{
    private readonly byte[] _first;
    private readonly byte[] _rest;
    private readonly Task _gate;
    private int _stage;

    public GatedStream(byte[] first, byte[] rest, Task gate)
    {
        _first = first;
        _rest = rest;
        _gate = gate;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        switch (_stage++)
        {
            case 0:
                _first.CopyTo(buffer);
                return _first.Length;
            case 1:
                await _gate.WaitAsync(cancellationToken);
                _rest.CopyTo(buffer);
                return _rest.Length;
            default:
                return 0;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

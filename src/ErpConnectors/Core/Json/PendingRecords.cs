using System;
using System.Text.Json;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Core.Json;

/// <summary>
/// The bytes of records read off a response but not yet converted: each record's JSON is copied out of the read
/// buffer (which is reused) into blocks shared by many records, and converted by <see cref="PendingRecord.Resolve"/>
/// on the pipeline thread. A block is garbage once its records have been written.
/// </summary>
internal sealed class PendingRecords
{
    private const int BlockSize = 64 * 1024; // below the large object heap's threshold: blocks die young

    private byte[] _block = Array.Empty<byte>();
    private int _used;

    /// <summary>A record whose complete JSON object is <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
    public PendingRecord Add(byte[] source, int offset, int length, string? typeName)
    {
        if (_block.Length - _used < length)
        {
            _block = new byte[Math.Max(BlockSize, length)];
            _used = 0;
        }

        Buffer.BlockCopy(source, offset, _block, _used, length);
        var record = new PendingRecord(_block, _used, length, typeName);
        _used += length;
        return record;
    }
}

/// <summary>One record's JSON, converted to a PSObject when the pipeline takes it.</summary>
internal sealed class PendingRecord : IDeferredValue
{
    private readonly byte[] _block;
    private readonly int _offset;
    private readonly int _length;
    private readonly string? _typeName;

    public PendingRecord(byte[] block, int offset, int length, string? typeName)
    {
        _block = block;
        _offset = offset;
        _length = length;
        _typeName = typeName;
    }

    public object? Resolve()
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_block, _offset, _length), JsonElementStream.ReaderOptions);
        reader.Read();
        return PSObjectConverter.ReadTopLevel(ref reader, _typeName);
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Json;

/// <summary>
/// Reads the elements of a JSON array from a stream one at a time, so the first element reaches the pipeline
/// before the body has ended and memory holds one element (plus a read buffer), never the whole list. The array
/// is either the whole body (<c>[...]</c>) or one property of a top-level object (<c>{"Results":[...]}</c>,
/// <c>{"value":[...]}</c>); that object's other scalar properties (Total, @odata.nextLink) are kept in
/// <see cref="Envelope"/> once the stream has been read to the end.
/// </summary>
internal sealed class JsonElementStream : IDisposable
{
    private const int InitialBufferSize = 32 * 1024;
    private const int HeadSize = 512;

    private enum Phase { Start, InEnvelope, InArray, Done }

    /// <summary>How answers are read (comments skipped); a record's bytes are read again the same way (PendingRecord).</summary>
    internal static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private readonly Stream _stream;
    private readonly string? _arrayProperty;
    private readonly string? _typeName;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private Phase _phase;
    private bool _enveloped;
    private PendingRecords? _pending;
    private bool _bomChecked;
    private byte[] _head = Array.Empty<byte>();

    public JsonElementStream(Stream stream, string? arrayProperty, string? typeName)
    {
        _stream = stream;
        _arrayProperty = arrayProperty;
        _typeName = typeName;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _state = new JsonReaderState(ReaderOptions);
    }

    /// <summary>
    /// Objects in the array come out as <see cref="PendingRecord"/>s, converted when the pipeline takes them
    /// (<see cref="Cmdlets.IDeferredValue"/>), instead of PSObjects. Set by a pager that needs nothing of a record
    /// but its place in the list.
    /// </summary>
    public bool DeferRecords { get; set; }

    /// <summary>Scalar properties of the enveloping object, by name (case-insensitive).</summary>
    public Dictionary<string, object?> Envelope { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the body held an array where one was expected (false for an empty or null answer).</summary>
    public bool FoundArray { get; private set; }

    /// <summary>The body was empty (or only whitespace): no JSON at all, not even null.</summary>
    public bool EmptyBody { get; private set; }

    /// <summary>
    /// How the body began, for a message when it is not what was expected: its first bytes, read further (up to a
    /// few hundred bytes) when the reader stopped at the first wrong one.
    /// </summary>
    public async Task<string> ExcerptAsync(CancellationToken cancellationToken)
    {
        try
        {
            byte[] more = new byte[HeadSize];
            int read;
            while (!_final && _head.Length < HeadSize && (read = await _stream.ReadAsync(more, 0, HeadSize - _head.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                byte[] head = new byte[_head.Length + read];
                Buffer.BlockCopy(_head, 0, head, 0, _head.Length);
                Buffer.BlockCopy(more, 0, head, _head.Length, read);
                _head = head;
            }
        }
        catch (IOException)
        {
            // What arrived is excerpt enough.
        }

        return Errors.ErrorBody.Excerpt(_head, _head.Length);
    }

    /// <summary>The next element converted to a PowerShell value (see <see cref="DeferRecords"/>); false at the end of the array.</summary>
    public async ValueTask<(bool Found, object? Value)> ReadNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Step step = TryStep(out object? value);
            switch (step)
            {
                case Step.Element:
                    return (true, value);
                case Step.Finished:
                    return (false, null);
                case Step.Continue:
                    continue;
                default:
                    if (_final)
                    {
                        throw new BodyEndedEarlyException();
                    }

                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private enum Step { NeedMore, Continue, Element, Finished }

    private Step TryStep(out object? value)
    {
        value = null;
        if (_phase == Phase.Done)
        {
            return Step.Finished;
        }

        if (_phase == Phase.Start && !_bomChecked)
        {
            // A UTF-8 byte-order mark is legal before JSON text (RFC 8259 lets a parser ignore it); the reader refuses it.
            if (_end - _start < 3 && !_final && IsBomPrefix(_end - _start))
            {
                return Step.NeedMore;
            }

            if (_end - _start >= 3 && IsBomPrefix(3))
            {
                _start += 3;
            }

            _bomChecked = true;
        }

        if (_phase == Phase.Start && _final && IsBlank())
        {
            _phase = Phase.Done; // an empty body (204, or only whitespace): nothing to stream
            EmptyBody = true;
            return Step.Finished;
        }

        // Only the body's first token is read as final: once inside the array, a body that ends early must read as
        // "more needed" (and so as a body cut off), not as the reader's own syntax error.
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _final && _phase == Phase.Start, _state);
        if (!reader.Read())
        {
            return Step.NeedMore;
        }

        switch (_phase)
        {
            case Phase.Start:
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    // A bare array is accepted even where an envelope is usual (OData servers answer both).
                    FoundArray = true;
                    _phase = Phase.InArray;
                }
                else if (reader.TokenType == JsonTokenType.StartObject && _arrayProperty is not null)
                {
                    _phase = Phase.InEnvelope;
                    _enveloped = true;
                }
                else if (reader.TokenType == JsonTokenType.Null)
                {
                    _phase = Phase.Done;
                }
                else
                {
                    throw new JsonException(_arrayProperty is null
                        ? $"Expected a JSON array, found {reader.TokenType}."
                        : $"Expected a JSON object holding '{_arrayProperty}', found {reader.TokenType}.");
                }

                Commit(ref reader);
                return Step.Continue;

            case Phase.InEnvelope:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _phase = Phase.Done;
                    Commit(ref reader);
                    return Step.Finished;
                }

                string name = reader.GetString() ?? string.Empty;
                if (!reader.Read())
                {
                    return Step.NeedMore;
                }

                if (string.Equals(name, _arrayProperty, StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartArray)
                {
                    FoundArray = true;
                    _phase = Phase.InArray;
                    Commit(ref reader);
                    return Step.Continue;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var probe = reader;
                    if (!probe.TrySkip())
                    {
                        return Step.NeedMore;
                    }
                }

                Envelope[name] = PSObjectConverter.ReadValue(ref reader);
                Commit(ref reader);
                return Step.Continue;

            default: // InArray
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _phase = _enveloped ? Phase.InEnvelope : Phase.Done;
                    Commit(ref reader);
                    return _phase == Phase.Done ? Step.Finished : Step.Continue;
                }

                if (DeferRecords && reader.TokenType == JsonTokenType.StartObject)
                {
                    // Only the record's extent is found here (a scan without allocation); the pipeline thread builds it.
                    var end = reader;
                    if (!end.TrySkip())
                    {
                        return Step.NeedMore;
                    }

                    int begin = _start + (int)reader.TokenStartIndex;
                    value = (_pending ??= new PendingRecords()).Add(_buffer, begin, _start + (int)end.BytesConsumed - begin, _typeName);
                    Commit(ref end);
                    return Step.Element;
                }

                if (!PSObjectConverter.TryReadTopLevel(ref reader, _typeName, out value))
                {
                    value = null;
                    return Step.NeedMore; // the element is not complete in the buffer yet: read again after the fill
                }

                Commit(ref reader);
                return Step.Element;
        }
    }

    private bool IsBomPrefix(int length)
    {
        ReadOnlySpan<byte> bom = stackalloc byte[] { 0xEF, 0xBB, 0xBF };
        for (int i = 0; i < length; i++)
        {
            if (_buffer[_start + i] != bom[i])
            {
                return false;
            }
        }

        return true;
    }

    // Utf8JsonReader throws on a final block without a token, so an empty body is recognised before it reads.
    private bool IsBlank()
    {
        for (int i = _start; i < _end; i++)
        {
            if (_buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One element is larger than the buffer: grow it (only as large as the largest element).
            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _final = true;
        }
        else if (_head.Length < HeadSize)
        {
            int keep = Math.Min(HeadSize - _head.Length, read);
            byte[] head = new byte[_head.Length + keep];
            Buffer.BlockCopy(_head, 0, head, 0, _head.Length);
            Buffer.BlockCopy(_buffer, _end, head, _head.Length, keep);
            _head = head;
        }

        _end += read;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

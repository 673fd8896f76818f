namespace ErpConnectors.Sandbox.Microbizz.Data;

/// <summary>A file behind a file field: its internal id, name, media type and bytes.</summary>
internal sealed record StoredFile(long Id, string FileName, string MimeType, byte[] Content);

/// <summary>The files file fields point at, by internal id (ids are never reused).</summary>
internal sealed class FileStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, StoredFile> _files = [];
    private long _lastId = 1000;

    public int Count
    {
        get { lock (_gate) { return _files.Count; } }
    }

    public StoredFile Add(string fileName, string mimeType, byte[] content)
    {
        lock (_gate)
        {
            var file = new StoredFile(++_lastId, fileName, mimeType, content);
            _files[file.Id] = file;
            return file;
        }
    }

    public StoredFile? Find(long id)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(id);
        }
    }

    public void Remove(long id)
    {
        lock (_gate)
        {
            _files.Remove(id);
        }
    }
}

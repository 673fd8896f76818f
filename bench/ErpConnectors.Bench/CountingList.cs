using System.Collections;
using System.Management.Automation;

namespace ErpConnectors.Bench;

/// <summary>
/// The host end of the pipeline: counts what arrives and keeps nothing, so the benchmark measures streaming and
/// not the cost of holding N objects.
/// </summary>
internal sealed class CountingList : IList<PSObject>
{
    public long Added;

    public PSObject this[int index] { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public int Count => 0;

    public bool IsReadOnly => false;

    public void Add(PSObject item) => Added++;

    public void Clear()
    {
    }

    public bool Contains(PSObject item) => false;

    public void CopyTo(PSObject[] array, int arrayIndex)
    {
    }

    public IEnumerator<PSObject> GetEnumerator() => Enumerable.Empty<PSObject>().GetEnumerator();

    public int IndexOf(PSObject item) => -1;

    public void Insert(int index, PSObject item) => Added++;

    public bool Remove(PSObject item) => false;

    public void RemoveAt(int index)
    {
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

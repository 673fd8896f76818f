namespace ErpConnectors.Sandbox.Weavy.Tasks;

/// <summary>
/// The processing tasks ("Event" treatments) the API asked for. From the document: a code already pending is
/// not queued again, and a code given several times in one call is queued once. Chosen: codes compare ignoring
/// case; any non-blank code is accepted (the sandbox has no event configuration); ids count from 1; a task
/// stays Pending until a test calls <see cref="WeavySandbox.CompleteTasks"/>.
/// </summary>
internal sealed class TaskQueue
{
    public const string Pending = "Pending";
    public const string Done = "Done";

    private readonly Lock _gate = new();
    private readonly List<WeavyTask> _tasks = [];

    public IReadOnlyList<WeavyTask> All
    {
        get { lock (_gate) { return [.. _tasks]; } }
    }

    /// <summary>Queues the codes not already pending; the tasks actually created.</summary>
    public List<WeavyTask> Create(IEnumerable<string> codes)
    {
        lock (_gate)
        {
            var created = new List<WeavyTask>();
            foreach (var code in codes)
            {
                if (_tasks.Any(t => t.Status == Pending && string.Equals(t.TaskCode, code, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var task = new WeavyTask(code, _tasks.Count + 1, Pending);
                _tasks.Add(task);
                created.Add(task);
            }

            return created;
        }
    }

    public void CompleteAll()
    {
        lock (_gate)
        {
            for (var i = 0; i < _tasks.Count; i++)
            {
                _tasks[i] = _tasks[i] with { Status = Done };
            }
        }
    }
}

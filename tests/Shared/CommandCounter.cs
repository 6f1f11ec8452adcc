using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Tests.Common;

/// <summary>
/// Counts the SQL commands EF sends to one database (whose connection string contains the text given) while it is alive, from
/// EF's diagnostic events, so a test can hold a page's query count to a number however much data
/// there is. Other tests' databases, running in parallel, are not counted.
/// </summary>
public sealed class CommandCounter : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly string _connectionString;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<string> _texts = [];
    private int _count;

    public CommandCounter(string connectionStringPart)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionStringPart);
        _connectionString = connectionStringPart;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The SQL of the commands counted, in the order they ran.</summary>
    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_texts)
                return [.. _texts];
        }
    }

    /// <summary>Forgets what was counted so far.</summary>
    public void Clear()
    {
        lock (_texts)
        {
            _texts.Clear();
            Volatile.Write(ref _count, 0);
        }
    }

    /// <summary>
    /// Starts counting commands of contexts that already exist, such as the portal's pooled ones: EF
    /// checks whether anyone listens at most once a second per context (its logging cache time), so
    /// a context that last checked before the counter began would not report until that second is up.
    /// </summary>
    public static async Task<CommandCounter> StartAsync(string connectionStringPart)
    {
        var counter = new CommandCounter(connectionStringPart);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        return counter;
    }

    public void OnNext(DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
                _listeners.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && data.Context?.Database.GetConnectionString()?.Contains(_connectionString, StringComparison.Ordinal) == true)
        {
            lock (_texts)
            {
                _texts.Add(data.Command.CommandText);
                Interlocked.Increment(ref _count);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_listeners)
        {
            foreach (var listener in _listeners)
                listener.Dispose();
        }
    }
}

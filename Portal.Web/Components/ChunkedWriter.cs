using System.Buffers;
using System.Globalization;
using System.Text;

namespace Portal.Web.Components;

/// <summary>
/// A writer into one pooled buffer, emptied into the response a chunk at a time with
/// <see cref="DrainAsync"/>. For content written synchronously in small pieces (a table of
/// thousands of cells) that should reach the response asynchronously without Razor's own buffer:
/// that one rents a fresh 2 KB page every thousand characters and holds the whole content before it
/// sends any of it, megabytes a view for the training matrix.
/// </summary>
internal sealed class ChunkedWriter : TextWriter
{
    /// <summary>Characters held before the caller should drain: 16 KB, well under the large-object heap's 85,000 bytes.</summary>
    public const int ChunkSize = 8 * 1024;

    private char[] _buffer = ArrayPool<char>.Shared.Rent(2 * ChunkSize);
    private int _length;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Whether a chunk's worth is held: the caller drains at the next point it can wait.</summary>
    public bool Full => _length >= ChunkSize;

    /// <summary>Sends what is held to <paramref name="to"/> and starts again.</summary>
    public async ValueTask DrainAsync(TextWriter to)
    {
        if (_length == 0)
            return;
        await to.WriteAsync(_buffer, 0, _length);
        _length = 0;
    }

    public override void Write(char value)
    {
        Room(1)[0] = value;
        _length++;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        buffer.CopyTo(Room(buffer.Length));
        _length += buffer.Length;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(int value)
    {
        Span<char> digits = stackalloc char[11];
        _ = value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        Write(digits[..written]);
    }

    public override void Write(long value)
    {
        Span<char> digits = stackalloc char[20];
        _ = value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        Write(digits[..written]);
    }

    /// <summary>Space for <paramref name="count"/> more characters; a larger buffer when a piece will not fit (one long name).</summary>
    private Span<char> Room(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(2 * _buffer.Length, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return _buffer.AsSpan(_length, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
        base.Dispose(disposing);
    }
}

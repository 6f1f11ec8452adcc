using Portal.Web.Components;

namespace Portal.Web.Tests.Components;

/// <summary>The writer the matrix table sends the response through: nothing lost at a chunk's edge, however long a piece.</summary>
public sealed class ChunkedWriterTests
{
    [Fact]
    public async Task APieceLongerThanTheBufferArrivesWholeAfterWhatCameBefore()
    {
        var name = new string('x', 5 * ChunkedWriter.ChunkSize) + "end";
        using var chunk = new ChunkedWriter();
        await using var response = new StringWriter();

        chunk.Write("<td>");
        chunk.Write(name);
        chunk.Write('<');
        chunk.Write(42);
        chunk.Write(-7L);
        Assert.True(chunk.Full);
        await chunk.DrainAsync(response);
        Assert.False(chunk.Full);
        chunk.Write("/td>".AsSpan());
        await chunk.DrainAsync(response);
        await chunk.DrainAsync(response);

        Assert.Equal($"<td>{name}<42-7/td>", response.ToString());
    }
}

namespace Portal.Domain.Talent;

/// <summary>
/// Vacancies bucketed by place, so a person is scored only against vacancies in their own and the
/// neighbouring cells (cells a little over <see cref="Matching.MaxMiles"/> across) instead of all of
/// them. Nothing within reach is skipped, so the blocked top matches equal the brute-force ones.
/// </summary>
public sealed class MatchBlocks
{
    private const float CellDegreesLatitude = (Matching.MaxMiles + 1f) / 69.05f;
    private readonly Dictionary<(int Row, int Column), List<int>> _cells = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Row, int Column), int[]> _near = new();
    private readonly float _cellDegreesLongitude;

    /// <param name="referenceLatitude">The area's latitude: sets how wide a cell is in longitude.</param>
    public MatchBlocks(IReadOnlyList<MatchVacancy> vacancies, float referenceLatitude)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        // Cells are sized at the area's widest point (nearest the equator) so none is under 20 miles across.
        _cellDegreesLongitude = CellDegreesLatitude / MathF.Cos((MathF.Abs(referenceLatitude) - 1f) * (MathF.PI / 180f));
        for (var i = 0; i < vacancies.Count; i++)
        {
            var cell = Cell(vacancies[i].Latitude, vacancies[i].Longitude);
            if (!_cells.TryGetValue(cell, out var list))
                _cells[cell] = list = [];
            list.Add(i);
        }
    }

    /// <summary>Indexes of the vacancies that could be within reach of a place, in ascending order; shared, so do not change it.</summary>
    public int[] Near(float latitude, float longitude) => _near.GetOrAdd(Cell(latitude, longitude), cell =>
    {
        var near = new List<int>();
        for (var r = cell.Row - 1; r <= cell.Row + 1; r++)
        {
            for (var c = cell.Column - 1; c <= cell.Column + 1; c++)
            {
                if (_cells.TryGetValue((r, c), out var list))
                    near.AddRange(list);
            }
        }
        near.Sort();
        return [.. near];
    });

    private (int Row, int Column) Cell(float latitude, float longitude) =>
        ((int)MathF.Floor(latitude / CellDegreesLatitude), (int)MathF.Floor(longitude / _cellDegreesLongitude));
}

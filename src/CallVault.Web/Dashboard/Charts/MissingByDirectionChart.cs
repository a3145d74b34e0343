namespace CallVault.Web.Dashboard.Charts;

/// <summary>Calls without a recording per direction, as horizontal SVG bars against all calls of that direction.</summary>
internal sealed record MissingByDirectionChart(IReadOnlyList<MissingByDirectionChart.Row> Rows)
{
    public const double Width = 640;
    public const double RowHeight = 34;
    public const double Label = 120;

    public double Height => Math.Max(1, Rows.Count) * RowHeight;

    public int MaxTotal => Math.Max(1, Rows.Count == 0 ? 1 : Rows.Max(r => r.Total));

    public double BarWidth(int count) => count / (double)MaxTotal * (Width - Label - 90);

    internal sealed record Row(string Direction, int Total, int Missing)
    {
        public double Rate => Total == 0 ? 0 : Missing / (double)Total;
    }
}

using MudBlazor;

namespace OpenLicitaciones.Components;

/// <summary>
/// The one theme: OpenLicitaciones' own palette and type on MudBlazor. Text colours keep WCAG AA (4.5:1) on the
/// surfaces they sit on; ratios are noted where they matter.
/// </summary>
public static class AppTheme
{
    private const string Ink = "#1c2329";        // 15.9:1 on white
    private const string Muted = "#46525c";      // 8.0:1 on white, 7.4:1 on the page background
    private const string Brand = "#0b4f6c";      // 8.9:1 against white, both ways
    private const string BrandDark = "#073447";
    private const string Page = "#f4f6f7";

    // System fonts only: a public kiosk and a weak phone signal should not wait for a web font.
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Liberation Sans", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Brand,
            PrimaryDarken = BrandDark,
            PrimaryContrastText = "#ffffff",
            Secondary = "#6b3fa0",            // 7.6:1 on white
            Tertiary = "#1e6b3a",             // 6.9:1 on white
            Info = "#0b5cad",                 // 6.5:1 on white
            Success = "#1e6b3a",
            Warning = "#8a5a00",              // 5.6:1 on white: warning text stays readable
            Error = "#8a1c12",                // 9.0:1 on white
            TextPrimary = Ink,
            TextSecondary = Muted,
            Background = Page,
            BackgroundGray = "#e9edf0",
            Surface = "#ffffff",
            AppbarBackground = Brand,
            AppbarText = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = Ink,
            DrawerIcon = Brand,
            LinesDefault = "#cfd8de",
            LinesInputs = "#5c6a75",          // 5.6:1: input borders are UI components (3:1)
            TableLines = "#dfe5e9",
            ActionDefault = Muted,
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.55" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "clamp(1.5rem, 1.1rem + 1.8vw, 2.25rem)", FontWeight = "700", LineHeight = "1.2", LetterSpacing = "-0.01em" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "clamp(1.25rem, 1.1rem + 0.7vw, 1.5rem)", FontWeight = "650", LineHeight = "1.2" },
            H3 = new H3Typography { FontFamily = Fonts, FontSize = "1.125rem", FontWeight = "650", LineHeight = "1.25" },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.05rem", FontWeight = "650", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "650", LineHeight = "1.3" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "600", LineHeight = "1.3" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.55" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = "0.9375rem", LineHeight = "1.5" },
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "600", TextTransform = "none", LineHeight = "1.5" },
            Caption = new CaptionTypography { FontFamily = Fonts, FontSize = "0.875rem", LineHeight = "1.45" },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4" },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts, FontSize = "0.9375rem", FontWeight = "600", LineHeight = "1.4" },
            Overline = new OverlineTypography { FontFamily = Fonts, FontSize = "0.8125rem", FontWeight = "600", LineHeight = "1.4" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "0.5rem", AppbarHeight = "56px", DrawerWidthLeft = "272px" },
    };
}

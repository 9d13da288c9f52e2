// The app's own copy of MudBlazor's stylesheet and script (issue 14). MudBlazor ships one 627 KB stylesheet for all of
// its components and utilities, and its files reach the app as a package asset whose fingerprinted address is served
// without compression. The build writes both into the app's static assets instead, where MapStaticAssets fingerprints,
// compresses (Brotli and gzip) and caches them for a year, and leaves out of the stylesheet the rules of components the
// app never renders and of utility classes nothing asks for.
//
// This file is compiled twice: by MSBuild as an inline task (build/MudBlazor.targets), and by the test project, which
// tests the pure part and defines RECORTE_SIN_MSBUILD to leave the task out. MSBuild compiles it against .NET Standard
// 2.0, hence no ranges, IReadOnlySet or string.Contains(…, StringComparison) here.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenLicitaciones.Build
{
    public static class RecorteCss
    {
        /// <summary>Second word of the MudBlazor classes (mud-<b>fab</b>-…) of components the app does not use.</summary>
        public static readonly ISet<string> FamiliasSinUso = new HashSet<string>(StringComparer.Ordinal)
        {
            "autocomplete", "avatar", "badge", "card", "carousel", "clock", "data", "datagrid", "drag", "drop", "fab",
            "file", "hour", "image", "minute", "onclock", "radio", "range", "rating", "skeleton", "slider", "split", "step",
            "stepper", "stepper__center", "stepper__horizontal", "stepper__vertical", "swipearea", "switch", "tab", "tabs",
            "time", "timepicker", "toggle", "treeview",
        };

        /// <summary>
        /// Classes MudBlazor composes at run time, so that no string of its library holds them whole: justify-{value}
        /// from a Justify parameter, hover:mud-{color}-hover from a Color one (the pager's buttons).
        /// </summary>
        public static readonly ISet<string> CompuestasPorMudBlazor = new HashSet<string>(
            new[] { "start", "center", "end", "space-between", "space-around", "space-evenly" }.Select(j => "justify-" + j)
                .Concat(new[] { "default", "primary", "secondary", "tertiary", "info", "success", "warning", "error", "dark" }.Select(c => $"hover:mud-{c}-hover")),
            StringComparer.Ordinal);

        private static readonly Regex Clase = new(@"\.((?:\\.|[\w-])+)", RegexOptions.CultureInvariant);
        private static readonly Regex Escape = new(@"\\(.)", RegexOptions.CultureInvariant);
        private static readonly Regex Separador = new(@"[^A-Za-z0-9_-]+", RegexOptions.CultureInvariant);

        /// <summary>
        /// Keeps a rule's selector when every class it needs is one the app can render: a MudBlazor class of a family
        /// in use, or another class among <paramref name="clasesUsadas"/>. Classes inside :not(…) are not needed for a
        /// match and do not count. A rule with no selector left goes; so does an @media or @supports left empty.
        /// Every other at-rule (keyframes) stays as it is, and the licence comment stays first.
        /// </summary>
        public static string Recortar(string css, ISet<string> clasesUsadas)
        {
            var salida = new StringBuilder(css.Length / 2);
            var sinBom = css.TrimStart('\uFEFF');
            if (sinBom.StartsWith("/*!", StringComparison.Ordinal)) salida.Append(sinBom, 0, sinBom.IndexOf("*/", StringComparison.Ordinal) + 2).Append('\n');
            RecortarBloque(css, clasesUsadas, salida);
            return salida.ToString();
        }

        /// <summary>
        /// Every selector of a stylesheet, those inside @media and @supports too, with the classes an element needs to
        /// match it (unescaped; those inside :not(…) are not needed).
        /// </summary>
        public static IEnumerable<(string Selector, IReadOnlyList<string> Clases)> Selectores(string css)
        {
            foreach (var (prelude, cuerpo) in Reglas(css))
            {
                if (EsAgrupadora(prelude))
                {
                    foreach (var interior in Selectores(cuerpo)) yield return interior;
                }
                else if (!prelude.StartsWith("@", StringComparison.Ordinal))
                {
                    foreach (var selector in DividirEnNivelCero(prelude)) yield return (selector, ClasesDe(selector).ToList());
                }
            }
        }

        /// <summary>The words of a text that could be class names: a source file, or the strings of a library.</summary>
        public static IEnumerable<string> Palabras(string texto) => Separador.Split(texto).Where(p => p.Length > 0);

        /// <summary>The script without its source-map comment, which names a file the copy does not have.</summary>
        public static string SinMapaDeFuente(string js) =>
            Regex.Replace(js, @"\n?//# sourceMappingURL=\S+\s*$", "\n", RegexOptions.CultureInvariant);

        private static void RecortarBloque(string css, ISet<string> clasesUsadas, StringBuilder salida)
        {
            foreach (var (prelude, cuerpo) in Reglas(css))
            {
                if (EsAgrupadora(prelude))
                {
                    var dentro = new StringBuilder();
                    RecortarBloque(cuerpo, clasesUsadas, dentro);
                    if (dentro.Length > 0) salida.Append(prelude).Append('{').Append(dentro).Append('}');
                }
                else if (prelude.StartsWith("@", StringComparison.Ordinal))
                {
                    salida.Append(prelude).Append('{').Append(cuerpo).Append('}');
                }
                else
                {
                    var selectores = DividirEnNivelCero(prelude).Where(s => ClasesDe(s).All(c => SeUsa(c, clasesUsadas))).ToList();
                    if (selectores.Count > 0) salida.Append(string.Join(",", selectores)).Append('{').Append(cuerpo).Append('}');
                }
            }
        }

        private static bool SeUsa(string clase, ISet<string> clasesUsadas)
        {
            if (!clase.StartsWith("mud-", StringComparison.Ordinal)) return clasesUsadas.Contains(clase) || CompuestasPorMudBlazor.Contains(clase);
            var familia = clase.Split('-')[1];
            return !FamiliasSinUso.Contains(familia);
        }

        private static bool EsAgrupadora(string prelude) =>
            prelude.StartsWith("@media", StringComparison.OrdinalIgnoreCase) || prelude.StartsWith("@supports", StringComparison.OrdinalIgnoreCase);

        private static IEnumerable<string> ClasesDe(string selector)
        {
            return Clase.Matches(SinNegaciones(selector)).Cast<Match>().Select(m => Escape.Replace(m.Groups[1].Value, "$1"));
        }

        private static string SinNegaciones(string selector)
        {
            var salida = new StringBuilder(selector.Length);
            for (var i = 0; i < selector.Length; i++)
            {
                if (string.CompareOrdinal(selector, i, ":not(", 0, 5) == 0)
                {
                    var nivel = 0;
                    for (i += 4; i < selector.Length; i++)
                    {
                        if (selector[i] == '(') nivel++;
                        else if (selector[i] == ')' && --nivel == 0) break;
                    }
                    continue;
                }
                salida.Append(selector[i]);
            }
            return salida.ToString();
        }

        /// <summary>Splits a selector list at its top-level commas (not those inside :is(…) or [attr="a,b"]).</summary>
        private static List<string> DividirEnNivelCero(string lista)
        {
            var partes = new List<string>();
            var nivel = 0;
            var inicio = 0;
            char? comilla = null;
            for (var i = 0; i < lista.Length; i++)
            {
                var c = lista[i];
                if (comilla is not null) { if (c == comilla) comilla = null; continue; }
                if (c is '"' or '\'') comilla = c;
                else if (c is '(' or '[') nivel++;
                else if (c is ')' or ']') nivel--;
                else if (c == ',' && nivel == 0) { partes.Add(lista.Substring(inicio, i - inicio).Trim()); inicio = i + 1; }
            }
            partes.Add(lista.Substring(inicio).Trim());
            return partes;
        }

        /// <summary>The top-level rules of a block as (prelude, body), skipping comments and reading strings whole.</summary>
        private static IEnumerable<(string Prelude, string Cuerpo)> Reglas(string css)
        {
            var i = 0;
            while (i < css.Length)
            {
                var inicio = SaltarEspaciosYComentarios(css, i);
                if (inicio >= css.Length) yield break;
                var llave = Buscar(css, inicio, '{', ';');
                if (llave < 0) yield break;
                if (css[llave] == ';') { i = llave + 1; continue; } // a statement such as @charset: nothing to keep
                var cierre = Cierre(css, llave);
                yield return (css.Substring(inicio, llave - inicio).Trim(), css.Substring(llave + 1, cierre - llave - 1));
                i = cierre + 1;
            }
        }

        private static int SaltarEspaciosYComentarios(string css, int i)
        {
            while (i < css.Length)
            {
                if (char.IsWhiteSpace(css[i]) || css[i] == '\uFEFF') i++;
                else if (string.CompareOrdinal(css, i, "/*", 0, 2) == 0)
                {
                    var fin = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = fin < 0 ? css.Length : fin + 2;
                }
                else break;
            }
            return i;
        }

        private static int Buscar(string css, int i, char uno, char otro)
        {
            char? comilla = null;
            for (; i < css.Length; i++)
            {
                var c = css[i];
                if (comilla is not null) { if (c == '\\') i++; else if (c == comilla) comilla = null; continue; }
                if (c is '"' or '\'') comilla = c;
                else if (c == uno || c == otro) return i;
            }
            return -1;
        }

        private static int Cierre(string css, int llave)
        {
            var nivel = 0;
            char? comilla = null;
            for (var i = llave; i < css.Length; i++)
            {
                var c = css[i];
                if (comilla is not null) { if (c == '\\') i++; else if (c == comilla) comilla = null; continue; }
                if (c is '"' or '\'') comilla = c;
                else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
                {
                    var fin = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = fin < 0 ? css.Length : fin + 1;
                }
                else if (c == '{') nivel++;
                else if (c == '}' && --nivel == 0) return i;
            }
            throw new FormatException($"Hoja de estilos incompleta: la llave en la posición {llave} no se cierra.");
        }
    }

#if !RECORTE_SIN_MSBUILD
    public sealed class RecortarMudBlazor : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required] public string HojaDeEstilos { get; set; } = "";
        [Microsoft.Build.Framework.Required] public string Script { get; set; } = "";
        [Microsoft.Build.Framework.Required] public string Biblioteca { get; set; } = "";
        [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Fuentes { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();
        [Microsoft.Build.Framework.Required] public string HojaDeEstilosDestino { get; set; } = "";
        [Microsoft.Build.Framework.Required] public string ScriptDestino { get; set; } = "";

        public override bool Execute()
        {
            // The utility classes the app can render: those its own files name, and those in MudBlazor's own strings
            // (its components add a few, such as d-flex, to their markup).
            var usadas = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fuente in Fuentes) usadas.UnionWith(RecorteCss.Palabras(File.ReadAllText(fuente.ItemSpec)));
            // A library keeps its strings in UTF-16 at any byte offset: read it at both alignments.
            var biblioteca = File.ReadAllBytes(Biblioteca);
            usadas.UnionWith(RecorteCss.Palabras(Encoding.Unicode.GetString(biblioteca)));
            usadas.UnionWith(RecorteCss.Palabras(Encoding.Unicode.GetString(biblioteca, 1, biblioteca.Length - 1)));

            var completa = File.ReadAllText(HojaDeEstilos);
            var recortada = RecorteCss.Recortar(completa, usadas);
            if (recortada.IndexOf(".mud-button-root", StringComparison.Ordinal) < 0)
            {
                Log.LogError($"El recorte de {HojaDeEstilos} perdió las reglas de los botones: revise RecorteMudBlazor.cs.");
                return false;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(HojaDeEstilosDestino)!);
            Directory.CreateDirectory(Path.GetDirectoryName(ScriptDestino)!);
            File.WriteAllText(HojaDeEstilosDestino, recortada);
            File.WriteAllText(ScriptDestino, RecorteCss.SinMapaDeFuente(File.ReadAllText(Script)));
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
                $"MudBlazor: hoja de estilos de {completa.Length:N0} a {recortada.Length:N0} caracteres.");
            return true;
        }
    }
#endif
}

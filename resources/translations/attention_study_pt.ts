<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../gui/panes/model_settings/view.py" line="52"/>
        <source>New &amp;random weights</source>
        <translation>&amp;Novos pesos aleatórios</translation>
    </message>
    <message>
        <location filename="../../gui/panes/model_settings/view.py" line="53"/>
        <source>Draw new embeddings and layer weights (next seed)</source>
        <translation>Sorteia novos embeddings e pesos das camadas (próxima semente)</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <location filename="../../gui/panes/explanation/view.py" line="27"/>
        <source>Click a cell of the heatmap, or move to it with the arrow keys and press Enter: its weight is worked out here, step by step, with this run&apos;s numbers.</source>
        <translation>Clique numa célula do heatmap, ou vá até ela com as setas e aperte Enter: o peso dela é calculado aqui, passo a passo, com os números desta execução.</translation>
    </message>
    <message>
        <source>The weights are hidden until you reveal your guess: pick, in each row of the heatmap, the key you expect to get the most weight, then press Reveal.</source>
        <translation>Os pesos ficam escondidos até você revelar o seu palpite: em cada linha do heatmap, escolha a key que você acha que vai receber mais peso e depois aperte Revelar.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/window/file_menu.py" line="48"/>
        <source>&amp;Open session…</source>
        <translation>&amp;Abrir sessão…</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="51"/>
        <source>&amp;Save session…</source>
        <translation>&amp;Salvar sessão…</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="53"/>
        <source>Export &amp;figure…</source>
        <translation>Exportar &amp;figura…</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="54"/>
        <source>&amp;Copy figure</source>
        <translation>&amp;Copiar figura</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="56"/>
        <source>Export &amp;tensors…</source>
        <translation>Exportar &amp;tensores…</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="60"/>
        <source>{k}× figure size</source>
        <translation>{k}× o tamanho da figura</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="71"/>
        <source>&amp;Recover autosaved work</source>
        <translation>Recuperar trabal&amp;ho salvo automaticamente</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="76"/>
        <source>Figure s&amp;cale (PNG)</source>
        <translation>&amp;Escala da figura (PNG)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="95"/>
        <source>{when} · {n} sentences · {first}</source>
        <translation>{when} · {n} sentenças · {first}</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="101"/>
        <source>No autosaved work</source>
        <translation>Nenhum trabalho salvo automaticamente</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="119"/>
        <source>Open session</source>
        <translation>Abrir sessão</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="119"/>
        <location filename="../../gui/window/file_menu.py" line="153"/>
        <source>Sessions (*.json)</source>
        <translation>Sessões (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="127"/>
        <source>The session was not opened</source>
        <translation>A sessão não foi aberta</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="142"/>
        <source>Replace the sentences?</source>
        <translation>Substituir as sentenças?</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="144"/>
        <source>The sentences and settings on screen are not saved in a session. Replace them? (Edit → Undo in the sentences brings the text back.)</source>
        <translation>As sentenças e configurações na tela não estão salvas numa sessão. Substituí-las? (Desfazer nas sentenças traz o texto de volta.)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="153"/>
        <source>Save session</source>
        <translation>Salvar sessão</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="182"/>
        <source>Export figure</source>
        <translation>Exportar figura</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="183"/>
        <source>PNG image (*.png);;SVG drawing, text kept as text (*.svg)</source>
        <translation>Imagem PNG (*.png);;Desenho SVG, com o texto como texto (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="198"/>
        <source>Figure copied to the clipboard</source>
        <translation>Figura copiada para a área de transferência</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="201"/>
        <source>Export screenshot</source>
        <translation>Exportar captura da tela</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="201"/>
        <source>PNG image (*.png)</source>
        <translation>Imagem PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="215"/>
        <source>NumPy archive, every stage (*.npz)</source>
        <translation>Arquivo NumPy, todas as etapas (*.npz)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="216"/>
        <source>CSV table, one stage of the selected sentence (*.csv)</source>
        <translation>Tabela CSV, uma etapa da sentença selecionada (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="217"/>
        <source>Export tensors</source>
        <translation>Exportar tensores</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="225"/>
        <source>Export a stage as CSV</source>
        <translation>Exportar uma etapa como CSV</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="226"/>
        <source>Stage:</source>
        <translation>Etapa:</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="249"/>
        <source>Export as notebook</source>
        <translation>Exportar como notebook</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="249"/>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Notebook Jupyter (*.ipynb)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="275"/>
        <source>Nothing to export yet</source>
        <translation>Ainda não há nada para exportar</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="286"/>
        <source>Saved {file}</source>
        <translation>Gravado: {file}</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="311"/>
        <source>Saving {file}…</source>
        <translation>Gravando {file}…</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="288"/>
        <source>The new result is still being computed.</source>
        <translation>O novo resultado ainda está sendo calculado.</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="274"/>
        <source>The model is still loading.</source>
        <translation>O modelo ainda está carregando.</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="45"/>
        <source>&amp;New: the notebook&apos;s example</source>
        <translation>&amp;Novo: o exemplo do notebook</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="55"/>
        <source>Export scree&amp;nshot…</source>
        <translation>Exportar captura da &amp;janela…</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="57"/>
        <source>Export as note&amp;book…</source>
        <translation>Exportar como note&amp;book…</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_menu.py" line="284"/>
        <source>The file was not written</source>
        <translation>O arquivo não foi gravado</translation>
    </message>
    <message>
        <source>Open the classroom &amp;example</source>
        <translation>Abrir o exemplo da sala de a&amp;ula</translation>
    </message>
    <message>
        <source>Twenty sentences, and a tiny GPT that learns to write them</source>
        <translation>Vinte sentenças e um GPT mínimo que aprende a escrevê-las</translation>
    </message>
    <message>
        <source>Open the &amp;induction example</source>
        <translation>Abrir o exemplo de &amp;indução</translation>
    </message>
    <message>
        <source>Sentences whose words come back, and a transformer that learns to copy what followed them</source>
        <translation>Sentenças cujas palavras voltam, e um transformer que aprende a copiar o que veio depois delas</translation>
    </message>
    <message>
        <source>Export &amp;handout…</source>
        <translation>Exportar &amp;material para os alunos…</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="80"/>
        <source>Which sentence the heatmap shows</source>
        <translation>Qual sentença o heatmap mostra</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="83"/>
        <source>One attention head, or all side by side</source>
        <translation>Uma cabeça de atenção, ou todas lado a lado</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="88"/>
        <source>Sentence sh&amp;own:</source>
        <translation>Sentença mostra&amp;da:</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="90"/>
        <source>Head sho&amp;wn:</source>
        <translation>Cabeça &amp;visível:</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="95"/>
        <source>Previous page (Page Up)</source>
        <translation>Página anterior (Page Up)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="98"/>
        <source>Next page (Page Down)</source>
        <translation>Próxima página (Page Down)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="445"/>
        <source>Hover over a cell, or press the arrow keys, to read it.</source>
        <translation>Passe o mouse sobre uma célula, ou use as setas, para lê-la.</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="302"/>
        <source>{n}: {text}</source>
        <translation>{n}: {text}</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="307"/>
        <source>All sentences ({n})</source>
        <translation>Todas as sentenças ({n})</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="311"/>
        <source>All heads</source>
        <translation>Todas as cabeças</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="312"/>
        <source>Head {n}</source>
        <translation>Cabeça {n}</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="352"/>
        <source>Columns (keys): {note}.</source>
        <translation>Colunas (keys): {note}.</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="85"/>
        <source>See the weights as a heatmap, or as lines</source>
        <translation>Ver os pesos como heatmap, ou como linhas</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="86"/>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="86"/>
        <source>Lines</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="92"/>
        <source>Dis&amp;play as:</source>
        <translation>Visuali&amp;zar como:</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="172"/>
        <source>dashed: uniform, 1/{n}</source>
        <translation>tracejado: uniforme, 1/{n}</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/view.py" line="365"/>
        <source>{first}–{last} ({total} in all)</source>
        <translation>{first}–{last} ({total} ao todo)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="32"/>
        <source>A line&apos;s opacity is its weight; hover a token to see only its lines.</source>
        <translation>A opacidade de uma linha é o seu peso; passe o mouse sobre um token para ver só as linhas dele.</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="38"/>
        <source>One colour per head.</source>
        <translation>Uma cor por cabeça.</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="41"/>
        <source>Grey tokens: padding, masked (no lines)</source>
        <translation>Tokens em cinza: padding, mascarado (sem linhas)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="43"/>
        <source>Grey tokens: padding, which still takes part (as in the notebook)</source>
        <translation>Tokens em cinza: padding, que ainda participa (como no notebook)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="50"/>
        <source>No line to a later key: the causal mask hides it</source>
        <translation>Nenhuma linha para uma key posterior: a máscara causal a esconde</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="57"/>
        <source>▨ striped: padding, which still takes part (as in the notebook)</source>
        <translation>▨ listrado: padding, que ainda participa (como no notebook)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="55"/>
        <source>▨ grey: padding, masked (weight exactly 0)</source>
        <translation>▨ cinza: padding mascarado (peso exatamente 0)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="63"/>
        <source>▧ hatched: a later key, hidden by the causal mask</source>
        <translation>▧ hachurado: uma key posterior, escondida pela máscara causal</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="74"/>
        <source>sentence {b}</source>
        <translation>sentença {b}</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="76"/>
        <source>head {h}</source>
        <translation>cabeça {h}</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="77"/>
        <source>query {i} “{qi}” → key {j} “{kj}”</source>
        <translation>query {i} “{qi}” → key {j} “{kj}”</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="84"/>
        <source>masked: padding, weight exactly 0</source>
        <translation>mascarada: padding, peso exatamente 0</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="86"/>
        <source>masked: a later key (causal), weight exactly 0</source>
        <translation>mascarada: key posterior (causal), peso exatamente 0</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="90"/>
        <source> (padding)</source>
        <translation> (padding)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="92"/>
        <source>row sum {total}</source>
        <translation>soma da linha {total}</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="94"/>
        <source>max {max} (key {key}) · entropy {h} of {uniform} bits</source>
        <translation>máx. {max} (key {key}) · entropia {h} de {uniform} bits</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/readout.py" line="106"/>
        <source>A {a} → B {b}: B − A {change}</source>
        <translation>A {a} → B {b}: B − A {change}</translation>
    </message>
    <message>
        <source>query {i} “{qi}” → output slot {j}</source>
        <translation>query {i} “{qi}” → saída {j} da camada Linear</translation>
    </message>
    <message>
        <source>Sentences, queries, keys and heads count from 0.</source>
        <translation>Sentenças, queries, keys e cabeças contam a partir de 0.</translation>
    </message>
    <message>
        <source>Show &lt;pad&gt;</source>
        <translation>Mostrar &lt;pad&gt;</translation>
    </message>
    <message>
        <source>Show the sentence's &lt;pad&gt; positions too, or only its own words</source>
        <translation>Mostrar também as posições &lt;pad&gt; da sentença, ou só as suas palavras</translation>
    </message>
    <message>
        <source>&lt;pad&gt; positions hidden: masked, they take no weight</source>
        <translation>posições &lt;pad&gt; escondidas: mascaradas, não recebem peso</translation>
    </message>
    <message>
        <source>&lt;pad&gt; positions hidden, though they still take weight: the words' row sums fall short of 1 (“Show &lt;pad&gt;” shows them)</source>
        <translation>posições &lt;pad&gt; escondidas, embora ainda recebam peso: as somas das linhas das palavras ficam abaixo de 1 (“Mostrar &lt;pad&gt;” as mostra)</translation>
    </message>
    <message>
        <source>Sentences, queries, keys, layers and heads count from 0.</source>
        <translation>Sentenças, queries, keys, camadas e cabeças contam a partir de 0.</translation>
    </message>
    <message>
        <source>weight hidden until you reveal your guess</source>
        <translation>peso escondido até você revelar o seu palpite</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../gui/panes/lesson/view.py" line="35"/>
        <source>Start from any step</source>
        <translation>Comece de qualquer passo</translation>
    </message>
    <message>
        <location filename="../../gui/panes/lesson/view.py" line="39"/>
        <source>◀ Back</source>
        <translation>◀ Voltar</translation>
    </message>
    <message>
        <location filename="../../gui/panes/lesson/view.py" line="41"/>
        <source>Ne&amp;xt ▶</source>
        <translation>Pró&amp;ximo ▶</translation>
    </message>
    <message>
        <source>End the lesson</source>
        <translation>Encerrar a lição</translation>
    </message>
    <message>
        <source>Your own sentences and settings come back</source>
        <translation>As suas sentenças e configurações voltam</translation>
    </message>
</context>
<context>
    <name>LinesFigure</name>
    <message>
        <location filename="../../gui/render/lines.py" line="107"/>
        <source>The first {shown} of {total} words: lines to later words are not drawn. The heatmap shows them all.</source>
        <translation>As primeiras {shown} de {total} palavras: linhas para as palavras seguintes não são desenhadas. O heatmap mostra todas.</translation>
    </message>
</context>
<context>
    <name>LinesView</name>
    <message>
        <location filename="../../gui/panes/attention/lines.py" line="93"/>
        <source>Lines for weights below this are not drawn, but each query&apos;s strongest is</source>
        <translation>Linhas de pesos abaixo deste não são desenhadas, exceto a mais forte de cada query</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/lines.py" line="96"/>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/lines.py" line="97"/>
        <source>Only each query&apos;s strongest lines (all: no limit)</source>
        <translation>Só as linhas mais fortes de cada query (todas: sem limite)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/lines.py" line="98"/>
        <source>Hide lines &amp;below:</source>
        <translation>&amp;Filtro de peso:</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/lines.py" line="100"/>
        <source>Strongest per &amp;query:</source>
        <translation>Mais fortes por &amp;query:</translation>
    </message>
    <message>
        <location filename="../../gui/panes/attention/lines.py" line="165"/>
        <source>No weight reaches {threshold} (the strongest is {strongest}): each query shows its strongest line only. Lower “Hide lines below” to see more.</source>
        <translation>Nenhum peso chega a {threshold} (o maior é {strongest}): cada query mostra só a sua linha mais forte. Diminua o “Filtro de peso” para ver mais.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/window/main_window.py" line="106"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="100"/>
        <source>One sentence per &amp;line:</source>
        <translation>Uma sentença por l&amp;inha:</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="105"/>
        <source>Sentences</source>
        <translation>Sentenças</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="107"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="108"/>
        <source>Vocabulary</source>
        <translation>Vocabulário</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="109"/>
        <source>Explanation</source>
        <translation>Explicação</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="110"/>
        <source>Lesson</source>
        <translation>Lição</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="112"/>
        <source>Training</source>
        <translation>Treino</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="141"/>
        <source>computing…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="198"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="201"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="208"/>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="209"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="406"/>
        <source>Loading the model (PyTorch)…</source>
        <translation>Carregando o modelo (PyTorch)…</translation>
    </message>
    <message>
        <source>Next word</source>
        <translation>Próxima palavra</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Gerar</translation>
    </message>
    <message>
        <source>Go to the next word</source>
        <translation>Ir para a próxima palavra</translation>
    </message>
    <message>
        <source>Go to generate</source>
        <translation>Ir para gerar</translation>
    </message>
    <message>
        <source>Go to the heads</source>
        <translation>Ir para as cabeças</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Cabeças</translation>
    </message>
</context>
<context>
    <name>SentenceEditor</name>
    <message>
        <location filename="../../gui/panes/sentences/view.py" line="20"/>
        <source>Type one sentence per line, e.g. “o mikas ta ali”.</source>
        <translation>Digite uma sentença por linha, por exemplo “o mikas ta ali”.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../gui/panes/training/view.py" line="62"/>
        <source>What the model is trained to do with your words</source>
        <translation>O que o modelo é treinado a fazer com as suas palavras</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="66"/>
        <source>How big each step is; changing it never restarts</source>
        <translation>O tamanho de cada passo; mudá-la nunca recomeça o treino</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="69"/>
        <source>{n} per frame</source>
        <translation>{n} por quadro</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="76"/>
        <source>Optimizer steps between two pictures</source>
        <translation>Passos do otimizador entre dois quadros</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="77"/>
        <location filename="../../gui/panes/training/view.py" line="167"/>
        <source>▶ Play</source>
        <translation>▶ Treinar</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="78"/>
        <source>Train, and watch the heatmap change (Space on the heatmap)</source>
        <translation>Treinar e ver o heatmap mudar (Espaço no heatmap)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="79"/>
        <source>Step</source>
        <translation>Um passo</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="80"/>
        <source>One optimizer step</source>
        <translation>Um passo do otimizador</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="81"/>
        <source>Reset</source>
        <translation>Recomeçar</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="82"/>
        <source>Back to the untrained weights, step 0</source>
        <translation>De volta aos pesos sem treino, passo 0</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="83"/>
        <source>Preset: previous, E = 16, H = 32</source>
        <translation>Pronto: anterior, E = 16, H = 32</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="84"/>
        <source>Settings that learn the previous word within seconds</source>
        <translation>Configurações que aprendem a palavra anterior em segundos</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="85"/>
        <source>Compare with untrained</source>
        <translation>Comparar com o modelo sem treino</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="86"/>
        <source>Show untrained (A), trained (B) and B − A side by side</source>
        <translation>Mostra sem treino (A), treinado (B) e B − A lado a lado</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="167"/>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pausar</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="202"/>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="206"/>
        <source>accuracy</source>
        <translation>acurácia</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="207"/>
        <source>weight on the expected key</source>
        <translation>peso na key esperada</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="208"/>
        <source>loss (right axis)</source>
        <translation>loss (eixo da direita)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="202"/>
        <source>step</source>
        <translation>passo</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="106"/>
        <source>Go back through the saved steps (0, 10, 20 …)</source>
        <translation>Voltar pelos passos guardados (0, 10, 20 …)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="109"/>
        <source>Latest</source>
        <translation>Último</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="110"/>
        <source>Back to the latest step</source>
        <translation>De volta ao último passo</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="115"/>
        <source>Tas&amp;k:</source>
        <translation>Tarefa:</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="116"/>
        <source>Learnin&amp;g rate:</source>
        <translation>Taxa de aprendizado:</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="117"/>
        <source>Speed:</source>
        <translation>Velocidade:</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="169"/>
        <source>Untrained: random weights, as in the notebook</source>
        <translation>Sem treino: pesos aleatórios, como no notebook</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="176"/>
        <source>Retraining to step {n}: {k} done…</source>
        <translation>Retreinando até o passo {n}: {k} feitos…</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="177"/>
        <source>Trained: step {n}, task {task}</source>
        <translation>Treinado: passo {n}, tarefa {task}</translation>
    </message>
    <message>
        <location filename="../../gui/panes/training/view.py" line="186"/>
        <location filename="../../gui/panes/training/view.py" line="222"/>
        <source>step {n}</source>
        <translation>passo {n}</translation>
    </message>
    <message>
        <source>next-word accuracy</source>
        <translation>acurácia da próxima palavra</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <location filename="../../gui/window/view_menu.py" line="50"/>
        <source>Go to the sentences</source>
        <translation>Ir para as sentenças</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="51"/>
        <source>Go to the model settings</source>
        <translation>Ir para as configurações do modelo</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="52"/>
        <source>Go to the heatmap</source>
        <translation>Ir para o heatmap</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="53"/>
        <source>Go to the pipeline</source>
        <translation>Ir para o pipeline</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="54"/>
        <source>Go to the vocabulary</source>
        <translation>Ir para o vocabulário</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="55"/>
        <source>Go to the explanation</source>
        <translation>Ir para a explicação</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="56"/>
        <source>Go to the training</source>
        <translation>Ir para o treino</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="64"/>
        <source>Next pane</source>
        <translation>Próximo painel</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="67"/>
        <source>&amp;Pin as A, to compare with what comes next</source>
        <translation>&amp;Fixar como A, para comparar com o que vier depois</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="71"/>
        <source>Keep this result as A: every later change shows A, B and B − A</source>
        <translation>Guarda este resultado como A: cada mudança seguinte mostra A, B e B − A</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="74"/>
        <source>Stop &amp;comparing</source>
        <translation>Parar de &amp;comparar</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="79"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Aumentar</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="86"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Diminuir</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="91"/>
        <source>&amp;Reset zoom</source>
        <translation>Tamanho &amp;normal</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="93"/>
        <source>Pre&amp;sentation mode</source>
        <translation>Modo de a&amp;presentação</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="98"/>
        <source>Leave presentation mode</source>
        <translation>Sair do modo de apresentação</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="104"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="105"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="105"/>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="113"/>
        <source>greys</source>
        <translation>tons de cinza</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="116"/>
        <source>Colour &amp;map</source>
        <translation>&amp;Mapa de cores</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="122"/>
        <source>Colour sca&amp;le</source>
        <translation>&amp;Escala de cores</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="124"/>
        <source>Fixed, 0 to 1</source>
        <translation>Fixa, de 0 a 1</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="125"/>
        <source>The data&apos;s own range</source>
        <translation>A faixa dos próprios dados</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_menu.py" line="184"/>
        <source>Zoom {zoom}%: the most this screen has room for</source>
        <translation>Zoom de {zoom}%: o máximo que cabe nesta tela</translation>
    </message>
    <message>
        <source>C&amp;lass layout: the heatmap, the lesson and one pane, large</source>
        <translation>&amp;Layout de aula: o heatmap, a lição e um painel, grandes</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Aumentar o zoom</translation>
    </message>
</context>
<context>
    <name>VocabularyView</name>
    <message>
        <location filename="../../gui/panes/vocabulary/view.py" line="41"/>
        <source>&lt;b&gt;Vocabulary&lt;/b&gt;: V = {v} ({n} distinct tokens + &amp;lt;pad&amp;gt;)</source>
        <translation>&lt;b&gt;Vocabulário&lt;/b&gt;: V = {v} ({n} tokens distintos + &amp;lt;pad&amp;gt;)</translation>
    </message>
    <message>
        <location filename="../../gui/panes/vocabulary/view.py" line="18"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location filename="../../gui/panes/vocabulary/view.py" line="18"/>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <location filename="../../gui/panes/vocabulary/view.py" line="18"/>
        <source>count</source>
        <translation>contagem</translation>
    </message>
    <message>
        <location filename="../../gui/panes/vocabulary/view.py" line="48"/>
        <source>&lt;b&gt;Padded ids&lt;/b&gt;: {shape}, 0 = &amp;lt;pad&amp;gt;</source>
        <translation>&lt;b&gt;Ids com padding&lt;/b&gt;: {shape}, 0 = &amp;lt;pad&amp;gt;</translation>
    </message>
</context>
<context>
    <name>autosave</name>
    <message>
        <location filename="../../gui/window/autosave.py" line="116"/>
        <source>Your work is not being saved automatically: {reason}</source>
        <translation>Seu trabalho não está sendo salvo automaticamente: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/window/autosave.py" line="130"/>
        <source>The autosaved work could not be read ({reason}). It was kept as {path}; File → Recover lists the work that can be opened.</source>
        <translation>O trabalho salvo automaticamente não pôde ser lido ({reason}). Ele foi guardado como {path}; Arquivo → Recuperar lista o trabalho que pode ser aberto.</translation>
    </message>
    <message>
        <location filename="../../gui/window/autosave.py" line="123"/>
        <source>The autosaved work in {path} could not be read ({reason}) and could not be set aside, so it was skipped and left as it was; File → Recover lists the work that can be opened.</source>
        <translation>O trabalho salvo automaticamente em {path} não pôde ser lido ({reason}) e não pôde ser posto de lado, então foi ignorado e ficou como estava; Arquivo → Recuperar lista o trabalho que pode ser aberto.</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../gui/window/help_menu.py" line="16"/>
        <source>Go to the sentences, model, heatmap, pipeline, vocabulary, explanation, training</source>
        <translation>Ir para as sentenças, o modelo, o heatmap, o pipeline, o vocabulário, a explicação, o treino</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="23"/>
        <source>Pin the result as A to compare; stop comparing</source>
        <translation>Fixar o resultado como A para comparar; parar de comparar</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="25"/>
        <source>On the heatmap: play or pause training</source>
        <translation>No heatmap: iniciar ou pausar o treino</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="26"/>
        <source>Go to the next pane</source>
        <translation>Ir para o próximo painel</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="27"/>
        <source>The lesson: the notebook, step by step</source>
        <translation>A lição: o notebook, passo a passo</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="28"/>
        <source>Presentation mode, and back</source>
        <translation>Modo de apresentação, e de volta</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="29"/>
        <source>Zoom in, zoom out, normal size</source>
        <translation>Aumentar, diminuir, tamanho normal</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="30"/>
        <source>Next and previous control</source>
        <translation>Próximo e anterior controle</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="31"/>
        <source>Arrow keys</source>
        <translation>Setas</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="31"/>
        <source>On the heatmap: move between cells</source>
        <translation>No heatmap: andar entre as células</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="32"/>
        <source>On the heatmap: explain the cell under the cursor</source>
        <translation>No heatmap: explicar a célula sob o cursor</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="35"/>
        <source>On the heatmap: previous and next page of panels</source>
        <translation>No heatmap: página anterior e próxima de painéis</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="37"/>
        <source>New: the notebook&apos;s example</source>
        <translation>Novo: o exemplo do notebook</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="38"/>
        <source>Open and save a session</source>
        <translation>Abrir e salvar uma sessão</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="39"/>
        <source>Export the figure, copy it to the clipboard</source>
        <translation>Exportar a figura, copiá-la para a área de transferência</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="40"/>
        <source>Undo and redo in the sentences</source>
        <translation>Desfazer e refazer nas sentenças</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="41"/>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="48"/>
        <source>&lt;h3&gt;What am I looking at?&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Random, untrained weights.&lt;/b&gt; As in the notebook, the embeddings and the layers are random numbers fixed by the seed. The attention you see shows how the mechanism works, not what it has learned: that is why the weights look almost uniform, about 1/n each.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rows are queries, columns are keys.&lt;/b&gt; Row i is the token that attends; its weights over the columns sum to 1.&lt;/p&gt;&lt;p&gt;&lt;b&gt;In the notebook&apos;s linear mode a column is a position, not a word.&lt;/b&gt; The Linear layer has one output per position: column 3 is the layer&apos;s fourth output, whatever word stands there. In the dot-product and multi-head modes a column is the word at that position.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why a longer sentence changes the other sentences&apos; maps.&lt;/b&gt; All sentences are padded to the longest one, L. A new longest sentence changes L: the Linear layer gets a new size and new random weights, every sentence gets more padding positions, and without masking the softmax spreads weight over them too.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Padding.&lt;/b&gt; Striped cells are &amp;lt;pad&amp;gt; positions that still take part, as in the notebook. With masking they turn grey and get exactly 0. With the causal mask, later keys are hidden too, with a different hatch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;O que estou vendo?&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Pesos aleatórios, sem treino.&lt;/b&gt; Como no notebook, os embeddings e as camadas são números aleatórios fixados pela semente. A atenção que você vê mostra como o mecanismo funciona, não o que ele aprendeu: por isso os pesos parecem quase uniformes, cerca de 1/n cada.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Linhas são queries, colunas são keys.&lt;/b&gt; A linha i é o token que presta atenção; seus pesos sobre as colunas somam 1.&lt;/p&gt;&lt;p&gt;&lt;b&gt;No modo linear do notebook, uma coluna é uma posição, não uma palavra.&lt;/b&gt; A camada Linear tem uma saída por posição: a coluna 3 é a quarta saída da camada, seja qual for a palavra ali. Nos modos de produto escalar e multi-cabeça, a coluna é a palavra naquela posição.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Por que uma sentença mais longa muda os mapas das outras.&lt;/b&gt; Todas as sentenças são completadas até a mais longa, L. Uma nova sentença mais longa muda L: a camada Linear ganha outro tamanho e novos pesos aleatórios, toda sentença ganha mais posições de padding e, sem máscara, o softmax espalha peso sobre elas também.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Padding.&lt;/b&gt; Células listradas são posições &amp;lt;pad&amp;gt; que ainda participam, como no notebook. Com a máscara elas ficam cinza e recebem exatamente 0. Com a máscara causal, as keys posteriores também ficam escondidas, com outra hachura.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="78"/>
        <source>&amp;Lesson: the notebook, step by step</source>
        <translation>&amp;Lição: o notebook, passo a passo</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="81"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atalhos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="83"/>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="87"/>
        <source>&amp;What am I looking at?</source>
        <translation>&amp;O que estou vendo?</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="89"/>
        <source>What am I looking at?</source>
        <translation>O que estou vendo?</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="94"/>
        <source>&amp;About Attention Study</source>
        <translation>&amp;Sobre o Attention Study</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="97"/>
        <source>About Attention Study</source>
        <translation>Sobre o Attention Study</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="98"/>
        <source>&lt;p&gt;&lt;b&gt;Attention Study&lt;/b&gt; turns the notebook &lt;i&gt;Estudo de Self-Attention&lt;/i&gt; into a live instrument: type sentences and watch every stage of the pipeline, from token ids to attention weights.&lt;/p&gt;</source>
        <translation>&lt;p&gt;O &lt;b&gt;Attention Study&lt;/b&gt; transforma o notebook &lt;i&gt;Estudo de Self-Attention&lt;/i&gt; num instrumento ao vivo: digite sentenças e acompanhe cada estágio do pipeline, dos ids dos tokens aos pesos de atenção.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Class layout: the heatmap, the lesson and one pane, large</source>
        <translation>Layout de aula: o heatmap, a lição e um painel, grandes</translation>
    </message>
    <message>
        <source>Go to the next word, to generate</source>
        <translation>Ir para a próxima palavra, para gerar</translation>
    </message>
    <message>
        <source>On the heatmap: switch the cursor's head off, or on again (or the right button on a head)</source>
        <translation>No heatmap: desliga a cabeça do cursor, ou a religa (ou o botão direito numa cabeça)</translation>
    </message>
    <message>
        <source>The heads: what each one does, and switching them off</source>
        <translation>As cabeças: o que cada uma faz, e desligá-las</translation>
    </message>
    <message>
        <source>Add to the a&amp;pplications menu</source>
        <translation>Adicionar ao menu de a&amp;plicativos</translation>
    </message>
    <message>
        <source>Add to the applications menu</source>
        <translation>Adicionar ao menu de aplicativos</translation>
    </message>
    <message>
        <source>Attention Study is in the applications menu (under Education), with its icon. Written:</source>
        <translation>O Attention Study está no menu de aplicativos (em Educação), com o seu ícone. Gravados:</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <location filename="../../gui/texts.py" line="68"/>
        <source>sentence</source>
        <translation>sentença</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="68"/>
        <source>sentences</source>
        <translation>sentenças</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="69"/>
        <source>position</source>
        <translation>posição</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="69"/>
        <source>positions</source>
        <translation>posições</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="70"/>
        <source>token id</source>
        <translation>id de token</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="70"/>
        <source>token ids</source>
        <translation>ids de token</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="71"/>
        <source>feature</source>
        <translation>componente</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="71"/>
        <source>features</source>
        <translation>componentes</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="72"/>
        <source>hidden unit</source>
        <translation>unidade oculta</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="72"/>
        <source>hidden units</source>
        <translation>unidades ocultas</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="73"/>
        <source>head</source>
        <translation>cabeça</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="73"/>
        <source>heads</source>
        <translation>cabeças</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="75"/>
        <source>feature of the head</source>
        <translation>componente da cabeça</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="76"/>
        <source>features of the head</source>
        <translation>componentes da cabeça</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="79"/>
        <source>query position</source>
        <translation>posição da query</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="80"/>
        <source>query positions</source>
        <translation>posições das queries</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="82"/>
        <source>key position</source>
        <translation>posição da key</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="82"/>
        <source>key positions</source>
        <translation>posições das keys</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="100"/>
        <source>{n}: {text}</source>
        <translation>{n}: {text}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="101"/>
        <location filename="../../gui/texts.py" line="167"/>
        <source>head {n}</source>
        <translation>cabeça {n}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="103"/>
        <source>query i (the token attending)</source>
        <translation>query i (o token que presta atenção)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="104"/>
        <source>query i</source>
        <translation>query i</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="106"/>
        <source>a position: output slot j of the Linear layer, not a word</source>
        <translation>uma posição: a saída j da camada Linear, não uma palavra</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="110"/>
        <source>attention weight</source>
        <translation>peso de atenção</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="143"/>
        <source>trained: task {task}, step {n}</source>
        <translation>treinado: tarefa {task}, passo {n}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="181"/>
        <source>A line&apos;s opacity is its weight.</source>
        <translation>A opacidade de uma linha é o seu peso.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="183"/>
        <source>One colour per head.</source>
        <translation>Uma cor por cabeça.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="186"/>
        <source>Below {t}, only each query&apos;s strongest line is drawn.</source>
        <translation>Abaixo de {t}, só a linha mais forte de cada query é desenhada.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="191"/>
        <source>The {k} strongest per query.</source>
        <translation>As {k} mais fortes por query.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="99"/>
        <source>Sentence {n}: “{text}”</source>
        <translation>Sentença {n}: “{text}”</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="102"/>
        <source>All sentences, on one colour scale</source>
        <translation>Todas as sentenças, em uma mesma escala de cores</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="105"/>
        <source>key j</source>
        <translation>key j</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="109"/>
        <source>the token attended to</source>
        <translation>o token que recebe a atenção</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="51"/>
        <source>Trained weights (task {task}): these values are learned.</source>
        <translation>Pesos treinados (tarefa {task}): estes valores foram aprendidos.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="60"/>
        <source># then trained with Adam on the task {task}</source>
        <translation># depois treinados com Adam na tarefa {task}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="111"/>
        <source>attention weight, on this data&apos;s range</source>
        <translation>peso de atenção, na faixa destes dados</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="112"/>
        <source>labels every {n}</source>
        <translation>rótulos a cada {n}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="113"/>
        <source>A (pinned)</source>
        <translation>A (fixado)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="114"/>
        <source>B (now)</source>
        <translation>B (agora)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="115"/>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="116"/>
        <source>{title}: A, B and B − A</source>
        <translation>{title}: A, B e B − A</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="159"/>
        <source>sentence {n}</source>
        <translation>sentença {n}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="163"/>
        <source>Values for sentence {n}: “{text}”</source>
        <translation>Valores da sentença {n}: “{text}”</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>camada</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>camadas</translation>
    </message>
    <message>
        <source>feed-forward unit</source>
        <translation>unidade feed-forward</translation>
    </message>
    <message>
        <source>feed-forward units</source>
        <translation>unidades feed-forward</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desligada</translation>
    </message>
</context>
<context>
    <name>AttentionPresenter</name>
    <message>
        <source>Loading the model (PyTorch)…</source>
        <translation>Carregando o modelo (PyTorch)…</translation>
    </message>
    <message>
        <source>Switch {head} off</source>
        <translation>Desligar {head}</translation>
    </message>
    <message>
        <source>Switch {head} on again</source>
        <translation>Religar {head}</translation>
    </message>
</context>
<context>
    <name>StatusPresenter</name>
    <message>
        <source>computing…</source>
        <translation>calculando…</translation>
    </message>
</context>
<context>
    <name>GenerationPanel</name>
    <message>
        <source>Words of your sentences to start from; Enter continues</source>
        <translation>Palavras das suas sentenças para começar; Enter continua</translation>
    </message>
    <message>
        <source>At most this many words; &lt;pad&gt;, the end, stops sooner</source>
        <translation>No máximo esta quantidade de palavras; &lt;pad&gt;, o fim, para antes</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0 (gulosa)</translation>
    </message>
    <message>
        <source>0: always the likeliest word; 1: drawn by the model&apos;s probabilities</source>
        <translation>0: sempre a palavra mais provável; 1: sorteada pelas probabilidades do modelo</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>Draw only among the k likeliest words (0: all of them)</source>
        <translation>Sortear só entre as k palavras mais prováveis (0: todas)</translation>
    </message>
    <message>
        <source>The same seed draws the same words</source>
        <translation>A mesma semente sorteia as mesmas palavras</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Write after the prompt (Enter)</source>
        <translation>Escrever depois do prompt (Enter)</translation>
    </message>
    <message>
        <source>Pick a written word to see what it looked at</source>
        <translation>Escolha uma palavra escrita para ver para onde ela olhou</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Palavras:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatura:</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Semente:</translation>
    </message>
    <message>
        <source>The prompt</source>
        <translation>O prompt</translation>
    </message>
    <message>
        <source>■ &lt;pad&gt;: the end</source>
        <translation>■ &lt;pad&gt;: o fim</translation>
    </message>
    <message>
        <source>The model wrote &lt;pad&gt;: it ends the text here</source>
        <translation>O modelo escreveu &lt;pad&gt;: o texto termina aqui</translation>
    </message>
    <message>
        <source>The ten words it weighed (✓ the one written):</source>
        <translation>As dez palavras que ele pesou (✓ a escrita):</translation>
    </message>
</context>
<context>
    <name>GenerationPresenter</name>
    <message>
        <source>Only the transformer writes text: choose the transformer blocks under Attention in the Model pane.</source>
        <translation>Só o transformer escreve texto: escolha os blocos transformer em Atenção, no painel Modelo.</translation>
    </message>
    <message>
        <source>Writes from random weights (untrained): the words are noise. Train the task “{task}” first (Training pane).</source>
        <translation>Escreve com pesos aleatórios (sem treino): as palavras são ruído. Treine antes a tarefa “{task}” (painel Treino).</translation>
    </message>
    <message>
        <source>Writes with the trained weights: step {n}, task “{task}”.</source>
        <translation>Escreve com os pesos treinados: passo {n}, tarefa “{task}”.</translation>
    </message>
    <message>
        <source>The text below was written with other weights: press Continue again.</source>
        <translation>O texto abaixo foi escrito com outros pesos: aperte Continuar de novo.</translation>
    </message>
    <message>
        <source>Trained on “{task}”, not “{next}”: the head says what that task asks for, so the text is not language.</source>
        <translation>Treinado em “{task}”, não em “{next}”: a cabeça diz o que essa tarefa pede, então o texto não é linguagem.</translation>
    </message>
    <message>
        <source>Greedy (temperature 0): each word is the likeliest one. Trained again and again on only {n} sentences, and never on new ones, the model has memorised them: from the first words of one it writes that very sentence.</source>
        <translation>Gulosa (temperatura 0): cada palavra é a mais provável. Treinado várias e várias vezes em só {n} sentenças, e nunca em novas, o modelo as decorou: a partir das primeiras palavras de uma, ele escreve essa mesma sentença.</translation>
    </message>
    <message>
        <source>A temperature below 1 sharpens the probabilities: mostly the likeliest words, so mostly a sentence it has memorised.</source>
        <translation>Uma temperatura abaixo de 1 aguça as probabilidades: quase sempre as palavras mais prováveis, então quase sempre uma sentença que ele decorou.</translation>
    </message>
    <message>
        <source>Sampling (temperature {t}): each word is drawn by its probability, not always the likeliest. Where sentences share words, the text can jump from one sentence into another.</source>
        <translation>Amostragem (temperatura {t}): cada palavra é sorteada pela sua probabilidade, nem sempre a mais provável. Onde as sentenças têm palavras em comum, o texto pode pular de uma sentença para outra.</translation>
    </message>
    <message>
        <source>“{word}”, for one, is in several of yours.</source>
        <translation>“{word}”, por exemplo, está em várias das suas.</translation>
    </message>
    <message>
        <source>The trained weights are still on their way: try again.</source>
        <translation>Os pesos treinados ainda estão a caminho: tente de novo.</translation>
    </message>
    <message>
        <source>“{word}”: probability {p}</source>
        <translation>“{word}”: probabilidade {p}</translation>
    </message>
    <message>
        <source>Where it looked to write it: one row per layer · head, over the {n} words it had read; each row sums to 1.</source>
        <translation>Para onde olhou ao escrevê-la: uma linha por camada · cabeça, sobre as {n} palavras que já tinha lido; cada linha soma 1.</translation>
    </message>
    <message>
        <source>&lt;pad&gt; (the end)</source>
        <translation>&lt;pad&gt; (o fim)</translation>
    </message>
    <message>
        <source>layer {layer} · head {head}</source>
        <translation>camada {layer} · cabeça {head}</translation>
    </message>
</context>
<context>
    <name>NextWordPanel</name>
    <message>
        <source>The previous word (← on the bars)</source>
        <translation>A palavra anterior (← nas barras)</translation>
    </message>
    <message>
        <source>The next word (→ on the bars)</source>
        <translation>A palavra seguinte (→ nas barras)</translation>
    </message>
    <message>
        <source>← → another word of the sentence · ↑ ↓ read the rows</source>
        <translation>← → outra palavra da sentença · ↑ ↓ lê as linhas</translation>
    </message>
    <message>
        <source>Show the softmax&apos;s arithmetic</source>
        <translation>Mostrar a aritmética do softmax</translation>
    </message>
    <message>
        <source>Each probability worked out from its logit: exp(logit) ÷ Σ</source>
        <translation>Cada probabilidade calculada a partir do seu logit: exp(logit) ÷ Σ</translation>
    </message>
    <message>
        <source>word</source>
        <translation>palavra</translation>
    </message>
    <message>
        <source>logit</source>
        <translation>logit</translation>
    </message>
    <message>
        <source>exp(logit)</source>
        <translation>exp(logit)</translation>
    </message>
    <message>
        <source>÷ Σ</source>
        <translation>÷ Σ</translation>
    </message>
    <message>
        <source>&lt;pad&gt; (the end)</source>
        <translation>&lt;pad&gt; (o fim)</translation>
    </message>
    <message>
        <source>Sentence {b}, position {i}: “{word}”</source>
        <translation>Sentença {b}, posição {i}: “{word}”</translation>
    </message>
    <message>
        <source>After “{context}”, the {n} words the model finds most likely next:</source>
        <translation>Depois de “{context}”, as {n} palavras que o modelo acha mais prováveis em seguida:</translation>
    </message>
    <message>
        <source>{mark} &lt;pad&gt;: the sentence ends after “{word}”.</source>
        <translation>{mark} &lt;pad&gt;: a sentença termina depois de “{word}”.</translation>
    </message>
    <message>
        <source>{mark} the word that follows in the sentence: “{next}”.</source>
        <translation>{mark} a palavra que vem depois na sentença: “{next}”.</translation>
    </message>
    <message>
        <source>It is not among the {n}: it ranks {rank}.</source>
        <translation>Ela não está entre as {n}: é a {rank}ª.</translation>
    </message>
    <message>
        <source>Row {i} (“{word}”) of the heatmap, in every layer and head, is what this position looked at to make this guess.</source>
        <translation>A linha {i} (“{word}”) do heatmap, em cada camada e cabeça, é para onde esta posição olhou para fazer este palpite.</translation>
    </message>
    <message>
        <source>The causal mask lets it see only itself and the words before.</source>
        <translation>A máscara causal só a deixa ver a si mesma e as palavras anteriores.</translation>
    </message>
    <message>
        <source>Σ = {total}: exp(logit) summed over all {v} words of the vocabulary.</source>
        <translation>Σ = {total}: exp(logit) somado sobre todas as {v} palavras do vocabulário.</translation>
    </message>
    <message>
        <source>Each logit first less the largest, {m}, so that exp stays printable: the ratios are the same.</source>
        <translation>Antes, cada logit menos o maior, {m}, para que exp caiba no papel: as razões são as mesmas.</translation>
    </message>
    <message>
        <source>Probability = exp(logit) ÷ Σ.</source>
        <translation>Probabilidade = exp(logit) ÷ Σ.</translation>
    </message>
</context>
<context>
    <name>NextWordPresenter</name>
    <message>
        <source>Only the transformer predicts next words: choose the transformer blocks under Attention in the Model pane.</source>
        <translation>Só o transformer prevê a próxima palavra: escolha os blocos transformer em Atenção, no painel Modelo.</translation>
    </message>
    <message>
        <source>Position {i} of sentence {b} is padding (&lt;pad&gt;), past the sentence&apos;s end: there is no word there to predict from. Pick a row of a word.</source>
        <translation>A posição {i} da sentença {b} é preenchimento (&lt;pad&gt;), depois do fim da sentença: não há palavra ali de onde prever. Escolha a linha de uma palavra.</translation>
    </message>
    <message>
        <source>Untrained: random weights, so these guesses are noise. Train the task “{task}” (Training pane) and watch them sharpen.</source>
        <translation>Sem treino: pesos aleatórios, então estes palpites são ruído. Treine a tarefa “{task}” (painel Treino) e veja-os ficarem nítidos.</translation>
    </message>
    <message>
        <source>Trained on the task “{task}”, not “{next}”: this head learned what that task asks for, not the next word.</source>
        <translation>Treinado na tarefa “{task}”, não em “{next}”: esta cabeça aprendeu o que essa tarefa pede, não a próxima palavra.</translation>
    </message>
    <message>
        <source>Trained: step {n} of the task “{task}”.</source>
        <translation>Treinado: passo {n} da tarefa “{task}”.</translation>
    </message>
</context>
<context>
    <name>TrainingPresenter</name>
    <message>
        <source>The task “{task}” needs a next-word head, which only the transformer has: choose the transformer blocks under Attention in the Model pane.</source>
        <translation>A tarefa “{task}” precisa de uma cabeça de próxima palavra, que só o transformer tem: escolha os blocos transformer em Atenção, no painel Modelo.</translation>
    </message>
</context>
<context>
    <name>HeadsPanel</name>
    <message>
        <source>On a seeded probe (random words, a repeated stretch)</source>
        <translation>Numa sonda com semente (palavras aleatórias, um trecho repetido)</translation>
    </message>
    <message>
        <source>On your sentences</source>
        <translation>Nas suas sentenças</translation>
    </message>
    <message>
        <source>Space or a click on the box switches a head off or on again</source>
        <translation>Espaço ou um clique na caixa desliga uma cabeça, ou a religa</translation>
    </message>
    <message>
        <source>Where the heads' scores are measured</source>
        <translation>Onde as notas das cabeças são medidas</translation>
    </message>
    <message>
        <source>Scores:</source>
        <translation>Notas:</translation>
    </message>
</context>
<context>
    <name>HeadsPresenter</name>
    <message>
        <source>Marked: the grid's label, the strongest score above {threshold}.</source>
        <translation>Em destaque: o rótulo na grade, a maior nota acima de {threshold}.</translation>
    </message>
    <message>
        <source>Each score is the mean weight a query puts on: the word before it (previous), the first word (first), earlier copies of its own word (duplicate), the words that followed those copies (induction), from 0 to 1.</source>
        <translation>Cada nota é o peso médio que uma query põe: na palavra antes dela (anterior), na primeira palavra (primeira), em cópias anteriores da própria palavra (duplicada), nas palavras que vieram depois dessas cópias (indução), de 0 a 1.</translation>
    </message>
    <message>
        <source>Measured on your sentences: “—” where they cannot show it (no word comes back, no duplicate or induction score).</source>
        <translation>Medidas nas suas sentenças: “—” onde elas não podem mostrá-la (se nenhuma palavra volta, não há nota de duplicada nem de indução).</translation>
    </message>
    <message>
        <source>Measured on {n} random sequences of {length} of your words in which a stretch repeats (the same for every run with seed {seed}).</source>
        <translation>Medidas em {n} sequências aleatórias de {length} das suas palavras em que um trecho se repete (as mesmas em toda execução com semente {seed}).</translation>
    </message>
    <message>
        <source>Only multi-head attention and the transformer have heads to score and to switch off: choose one of them under Attention in the Model pane.</source>
        <translation>Só a atenção multi-cabeça e o transformer têm cabeças para avaliar e desligar: escolha um deles em Atenção, no painel Modelo.</translation>
    </message>
    <message>
        <source>The heads are scored on sequences as long as your longest sentence, with a stretch that repeats: give a sentence 4 words or more.</source>
        <translation>As cabeças são avaliadas em sequências do tamanho da sua sentença mais longa, com um trecho que se repete: dê a uma sentença 4 palavras ou mais.</translation>
    </message>
    <message>
        <source>Task “{task}” on its probe, with {off} switched off: {score}; with every head: {every}.</source>
        <translation>Tarefa “{task}” na sua sonda, com {off} desligada(s): {score}; com todas as cabeças: {every}.</translation>
    </message>
    <message>
        <source>Task “{task}” on its probe: {score}.</source>
        <translation>Tarefa “{task}” na sua sonda: {score}.</translation>
    </message>
    <message>
        <source>duplicate: the mean weight on earlier copies of the word itself</source>
        <translation>duplicada: o peso médio em cópias anteriores da própria palavra</translation>
    </message>
    <message>
        <source>first: the mean weight on the first word</source>
        <translation>primeira: o peso médio na primeira palavra</translation>
    </message>
    <message>
        <source>head</source>
        <translation>cabeça</translation>
    </message>
    <message>
        <source>induction: the mean weight on the words that followed earlier copies</source>
        <translation>indução: o peso médio nas palavras que vieram depois de cópias anteriores</translation>
    </message>
    <message>
        <source>layer.head, as --ablate counts: unchecked, off</source>
        <translation>camada.cabeça, como --ablate conta: desmarcada, desligada</translation>
    </message>
    <message>
        <source>loss {loss}, accuracy {accuracy} %</source>
        <translation>loss {loss}, acurácia {accuracy} %</translation>
    </message>
    <message>
        <source>previous: the mean weight on the word just before</source>
        <translation>anterior: o peso médio na palavra logo antes</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Export a handout</source>
        <translation>Exportar um material para os alunos</translation>
    </message>
    <message>
        <source>A handout is one web page for your students: it works offline, in any browser, phones included.</source>
        <translation>O material é uma única página da web para os seus alunos: funciona sem internet, em qualquer navegador, inclusive no celular.</translation>
    </message>
    <message>
        <source>Start &amp;hidden, as exercises:</source>
        <translation>Mapas que começam &amp;ocultos, como exercícios:</translation>
    </message>
    <message>
        <source>&amp;Teacher's copy (the answers shown)</source>
        <translation>Cópia do &amp;professor (com as respostas visíveis)</translation>
    </message>
    <message>
        <source>&amp;Preview in the browser</source>
        <translation>&amp;Visualizar no navegador</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
<context>
    <name>HandoutExport</name>
    <message>
        <source>The handout was not made</source>
        <translation>O material não foi criado</translation>
    </message>
    <message>
        <source>Export a handout</source>
        <translation>Exportar um material para os alunos</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Página da web (*.html)</translation>
    </message>
    <message>
        <source>The preview was not made</source>
        <translation>A pré-visualização não foi criada</translation>
    </message>
    <message>
        <source>The browser did not open</source>
        <translation>O navegador não abriu</translation>
    </message>
    <message>
        <source>The handout is at {path}: open it in a web browser.</source>
        <translation>O material está em {path}: abra-o num navegador.</translation>
    </message>
</context>
<context>
    <name>ExerciseBar</name>
    <message>
        <source>Reve&amp;al</source>
        <translation>&amp;Revelar</translation>
    </message>
    <message>
        <source>Show the weights and score your guess (R on the heatmap)</source>
        <translation>Mostra os pesos e dá a nota do seu palpite (R no heatmap)</translation>
    </message>
    <message>
        <source>Rows answered: {answered} of {rows}</source>
        <translation>Linhas respondidas: {answered} de {rows}</translation>
    </message>
    <message>
        <source>Your guess scores {score} ({percent}%)</source>
        <translation>Nota do seu palpite: {score} ({percent}%)</translation>
    </message>
    <message>
        <source>The sentences or settings changed: the exercise is over.</source>
        <translation>As sentenças ou as configurações mudaram: o exercício terminou.</translation>
    </message>
</context>
</TS>

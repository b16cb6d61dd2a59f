<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../gui/controls.py" line="42"/>
        <source>New random &amp;weights</source>
        <translation>Novos pesos &amp;aleatórios</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="43"/>
        <source>Draw new embeddings and layer weights (next seed)</source>
        <translation>Sorteia novos embeddings e pesos das camadas (próxima semente)</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="53"/>
        <source>Linear layer (the notebook)</source>
        <translation>Camada Linear (como no notebook)</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="54"/>
        <source>Scaled dot product</source>
        <translation>Produto escalar escalonado</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="55"/>
        <source>&amp;Mask &lt;pad&gt; positions</source>
        <translation>&amp;Mascarar posições &lt;pad&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="67"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Semente:</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="70"/>
        <source>&amp;Embedding size E:</source>
        <translation>Tamanho do &amp;embedding E:</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="71"/>
        <source>&amp;Hidden size H:</source>
        <translation>Tamanho da camada &amp;oculta H:</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="72"/>
        <source>&amp;Cell:</source>
        <translation>&amp;Célula:</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="73"/>
        <source>&amp;Nonlinearity:</source>
        <translation>&amp;Não linearidade:</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="74"/>
        <source>Sc&amp;ores:</source>
        <translation>Sco&amp;res:</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="75"/>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatura:</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/file_actions.py" line="38"/>
        <source>&amp;Open session…</source>
        <translation>&amp;Abrir sessão…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="41"/>
        <source>&amp;Save session…</source>
        <translation>&amp;Salvar sessão…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="43"/>
        <source>Export &amp;figure…</source>
        <translation>Exportar &amp;figura…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="44"/>
        <source>&amp;Copy figure</source>
        <translation>&amp;Copiar figura</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="45"/>
        <source>Export &amp;screenshot…</source>
        <translation>Exportar captura da &amp;tela…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="46"/>
        <source>Export &amp;tensors…</source>
        <translation>Exportar &amp;tensores…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="47"/>
        <source>Export as &amp;notebook…</source>
        <translation>Exportar como &amp;notebook…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="50"/>
        <source>{k}× figure size</source>
        <translation>{k}× o tamanho da figura</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="63"/>
        <source>Figure s&amp;cale (PNG)</source>
        <translation>&amp;Escala da figura (PNG)</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="72"/>
        <source>Open session</source>
        <translation>Abrir sessão</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="72"/>
        <location filename="../../gui/file_actions.py" line="85"/>
        <source>Sessions (*.json)</source>
        <translation>Sessões (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="80"/>
        <source>The session was not opened</source>
        <translation>A sessão não foi aberta</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="85"/>
        <source>Save session</source>
        <translation>Salvar sessão</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="98"/>
        <source>Export figure</source>
        <translation>Exportar figura</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="99"/>
        <source>PNG image (*.png);;SVG drawing, text kept as text (*.svg)</source>
        <translation>Imagem PNG (*.png);;Desenho SVG, com o texto como texto (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="117"/>
        <source>Figure copied to the clipboard</source>
        <translation>Figura copiada para a área de transferência</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="120"/>
        <source>Export screenshot</source>
        <translation>Exportar captura da tela</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="120"/>
        <source>PNG image (*.png)</source>
        <translation>Imagem PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="132"/>
        <source>NumPy archive, every stage (*.npz)</source>
        <translation>Arquivo NumPy, todas as etapas (*.npz)</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="133"/>
        <source>CSV table, one stage of the selected sentence (*.csv)</source>
        <translation>Tabela CSV, uma etapa da sentença selecionada (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="134"/>
        <source>Export tensors</source>
        <translation>Exportar tensores</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="141"/>
        <source>Export a stage as CSV</source>
        <translation>Exportar uma etapa como CSV</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="142"/>
        <source>Stage:</source>
        <translation>Etapa:</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="164"/>
        <source>Export as notebook</source>
        <translation>Exportar como notebook</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="164"/>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Notebook Jupyter (*.ipynb)</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="181"/>
        <source>Nothing to export yet</source>
        <translation>Ainda não há nada para exportar</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="182"/>
        <source>The model is still loading.</source>
        <translation>O modelo ainda está carregando.</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="191"/>
        <source>The file was not written</source>
        <translation>O arquivo não foi gravado</translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <location filename="../../gui/heatmap_view.py" line="281"/>
        <source>&amp;Sentence:</source>
        <translation>Sen&amp;tença:</translation>
    </message>
    <message>
        <location filename="../../gui/heatmap_view.py" line="331"/>
        <source>Hover over a cell to read its exact value.</source>
        <translation>Passe o mouse sobre uma célula para ler o valor exato.</translation>
    </message>
    <message>
        <location filename="../../gui/heatmap_view.py" line="385"/>
        <source>{n}: {text}</source>
        <translation>{n}: {text}</translation>
    </message>
    <message>
        <location filename="../../gui/heatmap_view.py" line="388"/>
        <source>All sentences ({n})</source>
        <translation>Todas as sentenças ({n})</translation>
    </message>
    <message>
        <location filename="../../gui/heatmap_view.py" line="452"/>
        <source>showing the first {shown} of {total} sentences</source>
        <translation>mostrando as primeiras {shown} de {total} sentenças</translation>
    </message>
    <message>
        <location filename="../../gui/heatmap_view.py" line="475"/>
        <source>sentence {b} · query {i} “{qi}” → key {j} “{kj}”: {value} · row sum {total}</source>
        <translation>sentença {b} · consulta {i} “{qi}” → chave {j} “{kj}”: {value} · soma da linha {total}</translation>
    </message>
    <message>
        <location filename="../../gui/heatmap_view.py" line="486"/>
        <source>  (padding)</source>
        <translation>  (padding)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="58"/>
        <source>Sentences (one per line)</source>
        <translation>Sentenças (uma por linha)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="59"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="60"/>
        <source>Vocabulary and ids</source>
        <translation>Vocabulário e ids</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="65"/>
        <source>Attention</source>
        <translation>Atenção</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="66"/>
        <source>Pipeline, stage by stage</source>
        <translation>Pipeline, etapa por etapa</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="77"/>
        <source>computing…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117"/>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118"/>
        <source>&amp;About Attention Study</source>
        <translation>&amp;Sobre o Attention Study</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>About Attention Study</source>
        <translation>Sobre o Attention Study</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="127"/>
        <source>&lt;p&gt;&lt;b&gt;Attention Study&lt;/b&gt; turns the notebook &lt;i&gt;Estudo de Self-Attention&lt;/i&gt; into a live instrument: type sentences and watch every stage of the pipeline, from token ids to attention weights.&lt;/p&gt;</source>
        <translation>&lt;p&gt;O &lt;b&gt;Attention Study&lt;/b&gt; transforma o notebook &lt;i&gt;Estudo de Self-Attention&lt;/i&gt; num instrumento vivo: digite sentenças e veja cada etapa do pipeline, dos ids dos tokens aos pesos de atenção.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="170"/>
        <source>Loading the model (PyTorch)…</source>
        <translation>Carregando o modelo (PyTorch)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="180"/>
        <source>Your work is not being autosaved: {reason}</source>
        <translation>Seu trabalho não está sendo salvo automaticamente: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="185"/>
        <source>The autosaved session could not be read ({reason}); starting from the notebook&apos;s example.</source>
        <translation>Não foi possível ler a sessão salva automaticamente ({reason}); começando pelo exemplo do notebook.</translation>
    </message>
</context>
<context>
    <name>SentenceEditor</name>
    <message>
        <location filename="../../gui/sentence_editor.py" line="18"/>
        <source>Type one sentence per line, e.g. “o mikas ta ali”.</source>
        <translation>Digite uma sentença por linha, por exemplo “o mikas ta ali”.</translation>
    </message>
</context>
<context>
    <name>VocabularyView</name>
    <message>
        <location filename="../../gui/vocabulary_view.py" line="46"/>
        <source>&lt;b&gt;Vocabulary&lt;/b&gt;: V = {v} ({n} distinct tokens + &amp;lt;pad&amp;gt;)</source>
        <translation>&lt;b&gt;Vocabulário&lt;/b&gt;: V = {v} ({n} tokens distintos + &amp;lt;pad&amp;gt;)</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_view.py" line="57"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_view.py" line="57"/>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_view.py" line="57"/>
        <source>count</source>
        <translation>contagem</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_view.py" line="63"/>
        <source>&lt;b&gt;Padded ids&lt;/b&gt;: {shape}, 0 = &amp;lt;pad&amp;gt;</source>
        <translation>&lt;b&gt;Ids com padding&lt;/b&gt;: {shape}, 0 = &amp;lt;pad&amp;gt;</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <location filename="../../gui/texts.py" line="21"/>
        <source>Token ids (padded)</source>
        <translation>Ids dos tokens (com padding)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="22"/>
        <source>Embedding table</source>
        <translation>Tabela de embeddings</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="23"/>
        <source>Inputs: embeddings of each token</source>
        <translation>Inputs: o embedding de cada token</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="24"/>
        <source>Output of the {cell}</source>
        <translation>Saída da {cell}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="25"/>
        <source>Attention scores</source>
        <translation>Scores de atenção</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="26"/>
        <source>Attention weights (softmax)</source>
        <translation>Pesos de atenção (softmax)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="34"/>
        <source>sentence</source>
        <translation>sentença</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="34"/>
        <source>sentences</source>
        <translation>sentenças</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="35"/>
        <source>position</source>
        <translation>posição</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="35"/>
        <source>positions</source>
        <translation>posições</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="36"/>
        <source>token id</source>
        <translation>id de token</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="36"/>
        <source>token ids</source>
        <translation>ids de token</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="37"/>
        <source>feature</source>
        <translation>componente</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="37"/>
        <source>features</source>
        <translation>componentes</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="38"/>
        <source>hidden unit</source>
        <translation>unidade oculta</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="38"/>
        <source>hidden units</source>
        <translation>unidades ocultas</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="40"/>
        <source>query position</source>
        <translation>posição de consulta</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="41"/>
        <source>query positions</source>
        <translation>posições de consulta</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="43"/>
        <source>key position</source>
        <translation>posição de chave</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="43"/>
        <source>key positions</source>
        <translation>posições de chave</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="59"/>
        <source>attention weight</source>
        <translation>peso de atenção</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="63"/>
        <source>Sentence {n}: “{text}”</source>
        <translation>Sentença {n}: “{text}”</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="67"/>
        <source>All sentences, on one colour scale</source>
        <translation>Todas as sentenças, em uma mesma escala de cores</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="73"/>
        <source>query i</source>
        <translation>consulta i</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="73"/>
        <source>key j</source>
        <translation>chave j</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="75"/>
        <source>output slot j of the Linear layer: a position, not a word</source>
        <translation>saída j da camada Linear: uma posição, não uma palavra</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="77"/>
        <source>the token attended to</source>
        <translation>o token que recebe a atenção</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="79"/>
        <source>query position i (the token attending)</source>
        <translation>posição de consulta i (o token que presta atenção)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="80"/>
        <source>key position j</source>
        <translation>posição de chave j</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="87"/>
        <source>Linear-layer scores</source>
        <translation>scores da camada Linear</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="88"/>
        <source>dot-product scores</source>
        <translation>scores por produto escalar</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="92"/>
        <source>&lt;pad&gt; masked</source>
        <translation>&lt;pad&gt; mascarado</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="96"/>
        <source>sentence {n}</source>
        <translation>sentença {n}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="100"/>
        <source>Values for sentence {n}: “{text}”</source>
        <translation>Valores da sentença {n}: “{text}”</translation>
    </message>
</context>
</TS>

<#-- The headline of each story, one per line, exactly as the brief words it (parts.ftlh):
     EditionPages builds the subject and the preheader from them. -->
<#import "../parts.ftlh" as p>
<#list items as item>
${p.headline(item.story, item.nb)}
</#list>

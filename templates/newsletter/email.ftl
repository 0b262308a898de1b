<#-- The plain-text part of one edition's email: the same content as email.ftlh. Not
     escaped (it is text). A link is marked by <@link url/>; PlainText turns each into a
     numbered reference [n], wraps the lines at 72 columns and lists the URLs at the end.
     A blank line separates blocks; every other line break is kept. -->
<#import "../parts.ftlh" as p>
<#-- U+00A0 keeps a reference on the line of the words it belongs to; U+E010/U+E011 are PlainText's link marks. -->
<#macro link url>${"\xA0\xE010" + url + "\xE011"}</#macro>
${title}
${""?left_pad(title?length, "=")}
${nb.msg("newsletter.edition", {"number": number})}${nb.msg("newsletter.separator")}${nb.msg("newsletter.date", {"date": date})}
${nb.msg("newsletter.webVersion")}<@link webVersion/>

<#list items as item>
${p.kicker(item.story, item.nb)}
${p.headline(item.story, item.nb)}<@link item.brief/>

${p.standfirst(item.story, item.nb)}
${nb.msg("newsletter.pdf")}<@link item.pdf/>

</#list>
${nb.msg("newsletter.archive")}<@link archive/>

${nb.msg("newsletter.footer", {"title": title})}
${nb.msg("newsletter.unsubscribeHint")}<@link unsubscribe/>

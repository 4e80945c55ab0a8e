/**
 * Words too frequent in web text to trigger a rule on their own, folded (lower
 * case, no accents). Used at build time only, to choose which words of a rule
 * the prefilter looks up: a rare trigger keeps pages without claims nearly free.
 * Derived: every word found in at least 4% of the 130 real pages of
 * mozilla/readability's test set (a word statistic, no page text), plus common
 * Spanish words.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `
1960s 1990s abc ability able about above absent absolutely abuse academic accept accepted access accessibility
accessible according account accounts achieve achieved acquisition across act action actions active activity actual
actually ad add added adding addition additional address addresses adds adipisicing administration adopted ads
advanced advantage advertise advertisement advertising advice affairs affect affected afghanistan afp africa african
after again against age agency ago agree agreement ahead aid aim aimed air al albeit alert alerts alex alike aliqua
aliquip alive all alleged allies allow allowed allowing allows almost alone along already also alt alternative
although always am amazing amazon america american amet amid among amount amounts an analysis and andrew android
angeles angry anim announced announcement annual ano anos another answer answers anti any anymore anyone anything
anyway ap apart api app apparently appeal appear appeared appears apple application applications apply applying
approach apps april architecture archive are area aren argentina argue arm arms around array arrive arrived arrow art
article articles artificial arts as asia asian aside ask asked asking aspects assault associated association assume at
attack attempt attempted attempts attention attitude attribution au audience audio august australia aute author
authorities authority auto automatically available average avoid avoided award aware away awesome baby back background
bad bank bar base based basic basically basis battle be beat beautiful beauty became because become becomes becoming
bed been beer before began begin beginning behavior behind being believe believed believes below ben benefit benefits
best beta better between beyond big biggest bill billion billions binary birth birthday bit black blame blank blind
block blog blogs blood blow blue board bob bodies body book bookmarks books border born both bottom bought bound box
brain brand branded brands brasil break breaking brian brief bring british broken brother brought browser browsing
budget bug bugs build building buildings built bunch burned business businesses but button buy buyer buying by c1 c2
cabinet california call called calling calls came cameras campaign can canada cancel cancer candidate candidates
cannot capabilities capable capacity capital caption captions car card cards care careers careful carefully carry cars
case cases cash cat catch categories category caught cause caused causes causing celebrity center central centre
century ceo certain certainly challenge challenges chance change changed changes changing channel chaos chaotic
chapter character characters charge charges charles chat cheap check checking chicago chief child children chile china
chinese choice choices choose chose chris christian christmas christopher cillum cinema cities citizens city civil cj
claim claimed claims class classic clear clearly click clicking client climate clinton clock close closed closer cloud
club co code codes cold collaboration collection collections college color columnists com combat combination combined
come comes comfortable coming command comment comments commercial committee commodo common commonly commons
communication communications communities community companies company compared compatible complete completely complex
complicated components comprehensive computer computers computing con concept concepts concern concerned concerns
conclusion condition conditions conduct conducted conference conferences conflict conflicts connect connected
connection connections consectetur consent consequat consider considered consistently console constant consumer
consuming contact contain contained containing contains content contents context continue continued continues contra
contribute contributed contributing contributor contributors control controls controversial conversation convince
cookie cookies cooking cool copy copyright core corner corporate corporation correct corrections corresponding cost
costs could couldn council count counter countries country couple course court cover coverage covered covers cpu craft
crazy create created creates creating creation creative credit crime crisis critical criticism critics cross crossword
css culpa culture cupidatat curious current currently custom cut cuts cv cycle dad daily dance danger dangerous daniel
dark dashboard data database date dating daughter david day days de dead deadly deal deals death debate debugging dec
decade decades december decent decide decided decision deck declared dedicated deep deeper deeply default defeat
defend defense define defined definition degree delete deliver delivered delivery demand democracy democratic
department depend depending depth describe described description desde deserunt design designed designers desire desk
desktop despite despues detail detailed details determine deutsch develop developer developers development device
devices dia dias did didn die died difference differences different difficult digital dinero direct directed direction
directly director directory disagree discover discovered discovery discuss discussion discussions disease display
displayed distributed div diversity divided do docs document documents does doesn doing dollar dollars dolor dolore
domain don donald donate done door double doubt down download dr draft drama draw drink drive driven driver driving
drop dropped drove due duis durante during duty dying dynamic ea each earlier early earth ease easier easily east easy
eat eating economia economic economy ed edge edit edited edition editor editorial editorials education effect
effective effectively effects efficient effort efforts eight either eiusmod el eleccion elecciones election elections
elements elit else elsewhere email emergency employee employees empty en enable enabled end ended ending ends enemies
energy engage engagement engine engineer engineering england english enim enjoy enough ensure enter entertainment
entire entirely entre entry environment episode equal equivalent era error errors escape espanol especially esse
essential essentially est establish established estado estados estate et etc eu europe european even evening event
events eventually ever every everyone everything evidence evil evolution evolving ex exact exactly example examples
excellent except excepteur exchange excited exciting exclusive execute executive exercise exercitation exist existing
exists expand expect expected expense expensive experience experienced experiences experiment expert experts explain
explains explicitly explore explorer export expose exposed expressed extended extension external extra extreme
extremely eye eyes face facebook faced faces facing fact factor facts fail failed fails failure fair fairly fake fall
falling false familiar families family famous fan fans faq far fashion fast faster father favor favorite fear fears
feature featured features feb february fed federal feed feedback feel feeling feet fell fellow felt female festival
few fewer fiction field fields fight fighting figure figured figures file filed files fill filled film films filter
final finally finance financial find finding findings fine finish finished fire firefox firm first fit fitness five
fix fixed fixes fixing flag flash flight floor flow focus focused follow followed following follows font foo food
foods foot football for force forced forces forecasts foreign forget form format former forms formula forum forums
forward found foundation founded founder four francais france frank free freedom french frequency frequent frequently
fresh friday friend friends from front fugiat full fully fun function functionality functions fund funny further
future gallery game games gaming garden gas gathered gave gay general generally generate generated generation genre
gente george georgia germany get gets getting getty ghost giant gif gift girl github give given gives giving glass
global go goal goals gobierno gobiernos goes going golf gone good google got gotten government grade graduate grand
great greater greatest green grew ground group groups grow growing growth guardian guerra guess guidance guide
guidelines guy guys ha habit habits hacia had half hall hand handful handle handled handling hands happen happened
happening happens happy hard harder hardware harm has hasn hasta hat hate have haven having he head headed headlines
heads health healthy hear heard heart heavily height held hell hello help helped helpful helping helps her here hero
herself hidden hide high higher highest highlights highly highway him himself hire his history hit hold holding holds
hole home homepage homes honest hope horror hosting hosts hot hotel hour hours house how however href html http https
huge human humans hundreds hurt husband ice icon id idea ideal ideas identified identify identifying identity if
iframe ignore ii image images imagine img immediate immediately impact implement implementation implemented import
important impossible improve improved improvements in inbox inc incididunt include included includes including income
increase increased increasing increasingly indeed independent index india individual individuals indonesia industry
info information informed infrastructure initial innovation input inside insider insisted instagram install installed
instance instead institute instructions intelligence intended interaction interactive interest interested interesting
interests interface interior internal international internet interrupted interview into introduction involved ios
iphone ipsum iran ireland irure is island islands isn issue issues it italiano italy item items its itself james jan
january japan javascript job jobs joe john johnson join joined joins jones jordan journal journey joy js json july
jump june just justice kate keep keeping keeps kelly kept key kids kill killed killer killing kind kinds kingdom kit
knew know knowing knowledge known knows korea la lab label labels labor labore laboris laborum lack land language
languages large larger largest last late later latest latter launch launched launches launching law laws le lead
leader leaders leadership leading league learn learned learning least leave leaves leaving led lee left legacy legal
length les less let lets letter letters letting level levels ley library license licensed lies life lifestyle light
like likely limit limited limits line lines link linked linkedin links linux list listed listen listings lists
literally little live lived lives living ll llc load loaded loading local location locations log logged login london
long longer look looked looking looks loop lorem los lose losing loss lost lot lots loud love loved low lower lucky
luxury mac machine machines made magazine magic magna mail main mainly maintain major majority make makes making man
manage managed management manager managing manually many map maps mar march mark market marketing markets martin
massive master match material matt matter matters max maximum may maybe me mean meaning meaningful means meant
meanwhile measure measures media medical medium meet meeting meetings meets member members membership memories memory
men mention mentioned menu mere message messages met meta method methods mexico michael microsoft mid middle might
mike miles military million millions min mind mine mini minim minimum minister ministro minute minutes miss missing
mission mobile mode model modern modest mollit mom moment moments monday money monitor monitoring month monthly months
mood moon more morning most mostly mother motion move moved movement moves movie movies moving mozilla mr ms much
multimedia multiple mundo murder music must my myself mysterious mystery nacional naked name named names nation
national nations native natural nature navigation near nearly necessarily necessary nederlands need needed needs net
netflix network never new newer newly news newsletter newsletters next nice nicer night nightmare nine nisi no nobody
node non none nor normal north northern nostrud not note noted notes nothing notice noticed notifications nov november
now nuclear nulla number numbers obama obituaries object objects obvious occaecat occur occurred ocean october of off
offer offered offering offers office officer officers offices officia official officially officials often oh ok okay
old older on once one ones ongoing online only onto op open opened opening opens operates operation operations opinion
opinions opportunity opposed opposition optional options or order ordered org organic organization organizations
organized original originally os other others otherwise our out output outside over overall overly own ownership owns
pacific page pages paid pain pair pais paises pakistan panel paper par parallel parent parenting pariatur paris park
part participate participating particular particularly partido partidos parties partner parts party pass passed
passing password past path patrick paul pay paying pc pdf peace people per percent perfect performance performed
perhaps period permanent permission permissions person persona personal personas perspective pet peter pets phone
photo photography photos php physical pick picks picture pictures piece pieces pile pilot pinterest pixel place placed
placement places plain plan plane planned planning plans plant plate platform platforms play played player players
playing plays pleasant please plenty plus pm pocket podcast podcasts point pointed points police policia policies
policy politica political politico politics polski poor pop popular portugues position possible possibly post posted
posts potential power powered powerful practice practices pre precisely prefer preferences premier prepared presence
present presented president presidente presidentes presidential press pressure pretty prevent preview previous
previously price priced prices pricing primarily primary prime principle print prior priority prison privacy privado
private pro probably problem problems process processing produce produced producer product production products
professional profile profit profits program programming programs progress proident project projects promise promote
promoted proof proper properties property protect protected protection protest protests protocol provide provided
provides providing public publico publish published pull purchase pure purpose purposes push pushed pushes pushing put
puts putting quality que queen question questions qui quick quickly quis quite race radio raise raised ran random
range rapid rapidly rare rate rates rather rating raw re reach reached read reader readers reading reads ready real
reality realize really reason reasonable reasons receive received receiving recent recently recommend recommended
record recover red reddit reduce reduced reference references regarding regardless region register registered regular
regulation related relations relationship relationships relatively release released relevant rely remain remained
remains remember reminder remote removal remove removed repeat replace replaced replacement replica replies reply
report reported reportedly reporter reports reprehenderit represent reputation request requests require required
requires research reserved resolution resource resources respectively respond response responses responsibility
responsible rest restaurant restore result resulting results retrieved return returned reuters revealed revenue review
reviews rich richard right rights ring rise rising risk road robert robots role room root rose ross roughly round row
rss rule rules run running runs rush russia russian sa safe safety said sale sales same samples san sans sat save
saved saving savings saw say saying says scale scene schedule scheduled school science sciences scientists scope score
scorecardresearch scores screen script se sea search season second secondary seconds secret secretary secrets section
sections secure security sed see seeing seeking seem seemed seems seen segun select self sell selling sells send
sending senior sense sent separate september series serious seriously serve served server servers service services
session set sets setting settings seven several severe severely sex sexual shape share shared shares sharing sharp she
shift ship shocked shoes shop shopping short shortly shot should shouldn show showed showing shown shows si sick side
sides sight sign significant significantly signs silence silent silver similar similarly simple simpler simply since
singapore single sint sit site sites sitting situation six size skills skin skip sleep slightly slow slowly small
smaller smart smile so sobre social society software sold solution solutions solve some somehow someone something
sometimes somewhat somewhere son soon sorry sort sound sounds source sources south space spain spam span speak
speaking special specific specifically speech speed spend spending spent spirit split sponsored sponsors sport sports
spot spread square src stable staff stage stand standard standards stands star stars start started starting starts
startup state statement statements states statistics stats status stay stays step stepped steps steve steven stick
still stock stop stopped storage store stores stories storm story straight strange strategy stream street strike
strikes string strong struck structure struggling stuck student students study stuff style subject submit subscribe
subscription subscriptions success successful such suddenly suffers suggest suggested suggestions suggests suitable
summary summer summit sunday sunt super supply support supported supporting supports supposed supreme sure surprise
surprised svenska switch syria system systems tab table tag tags take taken takes taking talk talked talking talks
target targeted targets task tasks tax taxes te team teams tech technical technically techniques technologies
technology teens television tell telling tells temperature temple tempor ten tennis term terms territory test testing
tests text than thank thanks that the theater their them theme themes themselves then theory there therefore these
they thing things think thinking third this thomas those though thought thoughtful thousands thread threat three
threshold through throughout throw thursday thus tim time times tiny tip tips title to today together told tom
tomorrow too took tool tools top topic topics total totally touch tough toward towards tr track tracking trade
trademark traditional traffic train training transfer transferred transition transparency tras travel treatment tree
trend trending trends trick tried tries trigger trip trouble true trump trust trusted truth try trying tuesday tumblr
turkce turkey turn turned turning turns tv tweet twenty twitter two type types typical typically uk ullamco ultimate
un unable under understand understanding understood unfortunately union unique unit united units universe university
unknown unless unnecessary until up upcoming update updated updates upgrade upload upon url us usage use used useful
useless user username users uses using usual usually ut utc valid valuable value values van various ve velit veniam
version versions very via vibrant vice video videos view views violence violent virtual visibility visible vision
visit visitors visits visual voice voices volume voluptate vote voto votos vs wait waiting wake walk walking wall want
wanted wants war warned warning wars was washington wasn watch watching water way ways we weather web website weddings
wednesday week weekly weeks weight weird welcome welfare well went were weren west western what whatever whatsapp when
whenever where wherever whether which while white who whole whose why wide width wife wiki wikipedia wild will william
willing window windows winter wired wish with within without woman women won wonder wood word words work worked worker
workers working works world worlds worldwide worry worse worst worth would wouldn write writer writers writes writing
written wrong wrote www yahoo year years yes yesterday yet yield york you young your yours yourself youtube zealand
zero 中文 日本語
`
    .trim()
    .split(/\s+/),
);

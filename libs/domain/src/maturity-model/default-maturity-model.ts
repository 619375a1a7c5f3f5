// The model that ships with the product (docs/reference/domain.md). Weights favour what the problem
// statement says matters most: cooperation between functions (alignment beats isolated maturity),
// then customer insight and customer-based measures (listen to those who listen to customers).
import { DEFAULT_SOURCE_WEIGHTS, type MaturityModel } from './maturity-model';

export const DEFAULT_MATURITY_MODEL_ID = 'customer-centricity';

export const DEFAULT_MATURITY_MODEL: MaturityModel = {
  id: DEFAULT_MATURITY_MODEL_ID,
  version: 1,
  name: 'Customer-centricity capability maturity',
  levels: [
    {
      value: 1,
      name: 'Initial',
      description:
        'Customer-centric practice depends on individuals. It is ad hoc, undocumented and invisible to management.',
    },
    {
      value: 2,
      name: 'Developing',
      description:
        'Some functions have started deliberate practices, but they are local, inconsistent and rarely measured.',
    },
    {
      value: 3,
      name: 'Defined',
      description:
        'Practices are documented, shared across functions and applied routinely; results are measured and reviewed.',
    },
    {
      value: 4,
      name: 'Managed',
      description:
        'Practices are integrated across functions and partners and steered with customer-based measures against targets.',
    },
    {
      value: 5,
      name: 'Customer-led',
      description:
        "The customer's perspective shapes decisions by default, and practice improves continuously from customer evidence across the whole value chain.",
    },
  ],
  capabilities: [
    {
      id: 'customer-insight',
      name: 'Customer insight and voice of the customer',
      dimension: 'Customer understanding',
      weight: 1.5,
      descriptors: [
        'Customer feedback arrives by chance, through complaints and anecdotes; nobody owns it and it rarely reaches decision makers.',
        'Some functions run surveys or review complaints, each with its own tools; findings stay in the function that collected them.',
        'A shared voice-of-the-customer programme collects feedback at key points of the journey and reports it to every function each period.',
        'Insight combines survey, behavioural and front-line observations per journey and segment; each function acts on it and closes the loop with customers.',
        'Customer evidence is expected in every significant decision; front-line staff feed observations in continuously and customers see what changed because of them.',
      ],
    },
    {
      id: 'value-proposition',
      name: 'Value proposition clarity',
      dimension: 'Strategy and purpose',
      weight: 1,
      descriptors: [
        'There is no agreed statement of the value promised to which customers; each function describes it differently.',
        'A value proposition exists in marketing material but is not used to make decisions outside marketing.',
        'A documented value proposition per customer segment is known across functions and used in planning and in service design.',
        'Each function can show how its work delivers the proposition, and trade-offs between functions are settled by reference to it.',
        'The proposition is tested against customer evidence and refined regularly; customers describe the value in the same terms the organisation does.',
      ],
    },
    {
      id: 'purpose-alignment',
      name: 'Purpose ("why") alignment',
      dimension: 'Strategy and purpose',
      weight: 1,
      descriptors: [
        'The purpose is undefined or a slogan; functions and partners pursue their own goals.',
        'A purpose statement exists, but most staff and partners cannot say how it relates to their work.',
        'The purpose is communicated to every function and partner and referred to in plans; alignment is assumed rather than checked.',
        'Functions and partners translate the purpose into their own objectives; misalignment is surfaced and resolved in joint reviews.',
        'The purpose guides daily choices at every level; partners are chosen and renewed partly on shared purpose, and staff can explain the why to customers.',
      ],
    },
    {
      id: 'customer-metrics',
      name: 'Customer-based metrics and incentives',
      dimension: 'Measurement and governance',
      weight: 1.5,
      descriptors: [
        'Functions are measured on internal output, cost or volume only; nothing rewards customer outcomes.',
        'A customer measure such as satisfaction or NPS is reported, but it is not linked to objectives or incentives.',
        'Customer outcome measures sit in the scorecards of customer-facing functions and are reviewed alongside financial measures.',
        'Every function, the back office and partners included, has customer-based objectives, and incentives reward shared outcomes over local targets.',
        'Incentives are designed so that no function can win while the customer loses, and the measures are revised as soon as they drive the wrong behaviour.',
      ],
    },
    {
      id: 'cross-functional-cooperation',
      name: 'Cross-functional cooperation',
      dimension: 'Cooperation',
      weight: 2,
      descriptors: [
        'Functions work in silos; hand-offs fail and each blames the others when customers complain.',
        'Cooperation depends on personal relationships; recurring problems between functions are fixed case by case.',
        'Hand-offs along the main journeys are defined with agreed service levels between functions; joint problem solving happens on escalation.',
        "Functions plan, train and review together around journeys; internal customers, such as the front desk for housekeeping, have a say in each other's evaluation.",
        'Cross-functional teams own end-to-end journeys, and investment and training are balanced so that no function runs far ahead of those it depends on.',
      ],
    },
    {
      id: 'leadership-engagement',
      name: 'Leadership engagement with customers',
      dimension: 'Leadership and people',
      weight: 1,
      descriptors: [
        'Leaders rarely meet customers and learn about them through aggregated reports, if at all.',
        'Some leaders visit customers or the front line occasionally, mostly when something has gone wrong.',
        'Leaders have scheduled contact with customers and front-line staff and review customer measures in management meetings.',
        'Leaders act visibly on what they hear, sponsor customer initiatives across functions and hold each other accountable for customer outcomes.',
        'Leaders model customer-centric behaviour every day, and customer impact is a standing question in every executive decision.',
      ],
    },
    {
      id: 'employee-empowerment',
      name: 'Employee skills and empowerment',
      dimension: 'Leadership and people',
      weight: 1,
      descriptors: [
        'Staff follow scripts and need approval for any deviation; training covers tasks, not customers.',
        'Customer-facing staff receive service training but have little authority to resolve problems themselves.',
        'Staff in customer-facing and supporting functions are trained on customer needs and have defined authority to act within limits.',
        'Staff are trusted and coached to use judgement for customers, and supporting functions are equipped to respond to their requests.',
        'Empowerment is the norm everywhere; staff propose and run improvements, and skills grow in step across the functions that co-deliver.',
      ],
    },
    {
      id: 'self-service',
      name: 'Self-service and convenience',
      dimension: 'Experience delivery',
      weight: 1,
      descriptors: [
        'Customers must contact staff for routine needs; channels are limited to office hours and not joined up.',
        'Some self-service exists, such as a website or app, but it covers few tasks and often ends in a call or a visit.',
        "Common tasks can be completed end to end in self-service, and a switch of channel keeps the customer's context.",
        'Journeys are designed around customer effort; self-service and assisted channels are integrated and measured on effort and completion.',
        'Needs are anticipated and handled proactively; customers choose their channel and rarely need to contact the organisation for routine matters.',
      ],
    },
    {
      id: 'service-recovery',
      name: 'Service recovery',
      dimension: 'Experience delivery',
      weight: 1,
      descriptors: [
        'Complaints are handled defensively or not at all; there is no process to put things right.',
        'A complaints process exists, but it is slow and case by case, and compensation is inconsistent.',
        'Failures are resolved to defined standards by empowered staff, and complaints are analysed for recurring causes.',
        'Recovery is fast and personal, root causes are fixed across functions and partners, and recovered customers are followed up.',
        'Failures are detected and put right before customers complain, and recovery is treated as a chance to strengthen the relationship.',
      ],
    },
    {
      id: 'partner-co-delivery',
      name: 'Partner co-delivery',
      dimension: 'Cooperation',
      weight: 1,
      descriptors: [
        'Partners are managed on price and contract compliance only; their effect on customers is unknown.',
        'Key partners receive service requirements, but information about customers and failures is rarely shared.',
        'Partners work to shared customer standards, share the data that matters and take part in regular service reviews.',
        'Partners help design journeys and share measures and incentives, so customers experience one seamless service.',
        'Partners share the purpose and co-invest in the customer experience; the whole ecosystem improves together from shared customer evidence.',
      ],
    },
    {
      id: 'investment-governance',
      name: 'Investment governance',
      dimension: 'Measurement and governance',
      weight: 1,
      descriptors: [
        'Investments are chosen function by function on internal business cases; their effect on customers and on other functions is not assessed.',
        'Major investments state expected customer benefits, but these are checked neither before nor after deployment.',
        'Investments are assessed for customer impact and for their effect on dependent functions, and expected effects are recorded before approval.',
        'The portfolio is chosen for balanced maturity and alignment, and realised effects are compared with predictions after deployment.',
        'Investment decisions are modelled before approval, reviewed against realised results and adjusted; the lessons shape the next round of choices.',
      ],
    },
  ],
  sourceWeights: { ...DEFAULT_SOURCE_WEIGHTS },
};

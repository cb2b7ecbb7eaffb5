/**
 * Growable staging columns for orders, lines and service events while a sample is simulated
 * (private to the generator). Money is kept in integer cents so that
 * amount = quantity * unit price - discount holds exactly.
 *
 * @example
 * const b = new SampleBuilder();
 * b.addEvent(0, 19724, 1);
 * b.eventDay.length; // 1
 */
export class SampleBuilder {
  // orders
  readonly orderCustomer: number[] = [];
  readonly orderDay: number[] = [];
  readonly orderChannel: number[] = [];
  readonly orderFirstLine: number[] = [];
  readonly orderLineCount: number[] = [];
  /** 1 for a campaign response order, 0 for an order of the BG/NBD process. */
  readonly orderFromCampaign: number[] = [];
  // lines
  readonly lineProduct: number[] = [];
  readonly lineCategory: number[] = [];
  readonly lineQuantity: number[] = [];
  readonly lineUnitCents: number[] = [];
  readonly lineDiscountCents: number[] = [];
  readonly lineAmountCents: number[] = [];
  readonly lineFreightCents: number[] = [];
  readonly lineCostCents: number[] = [];
  readonly lineReturnedQuantity: number[] = [];
  readonly lineReturnedCents: number[] = [];
  // service events; type is an index into SERVICE_EVENT_TYPES
  readonly eventCustomer: number[] = [];
  readonly eventDay: number[] = [];
  readonly eventType: number[] = [];

  /** Starts an order and returns its index; its lines follow with {@link addLine}. */
  beginOrder(customer: number, day: number, channel: number, fromCampaign: boolean): number {
    this.orderCustomer.push(customer);
    this.orderDay.push(day);
    this.orderChannel.push(channel);
    this.orderFirstLine.push(this.lineAmountCents.length);
    this.orderLineCount.push(0);
    this.orderFromCampaign.push(fromCampaign ? 1 : 0);
    return this.orderDay.length - 1;
  }

  /** Adds a line to the last order begun; all money in integer cents. */
  addLine(
    product: number,
    category: number,
    quantity: number,
    unitCents: number,
    discountCents: number,
    costCents: number,
    returnedQuantity: number,
    returnedCents: number,
  ): void {
    this.lineProduct.push(product);
    this.lineCategory.push(category);
    this.lineQuantity.push(quantity);
    this.lineUnitCents.push(unitCents);
    this.lineDiscountCents.push(discountCents);
    this.lineAmountCents.push(quantity * unitCents - discountCents);
    this.lineFreightCents.push(0);
    this.lineCostCents.push(costCents);
    this.lineReturnedQuantity.push(returnedQuantity);
    this.lineReturnedCents.push(returnedCents);
    this.orderLineCount[this.orderLineCount.length - 1]!++;
  }

  /** Records a service event (type index into SERVICE_EVENT_TYPES). */
  addEvent(customer: number, day: number, type: number): void {
    this.eventCustomer.push(customer);
    this.eventDay.push(day);
    this.eventType.push(type);
  }
}

/** Service event types, in the index order used by {@link SampleBuilder.addEvent}. */
export const SERVICE_EVENT_TYPES = Object.freeze(["call_centre_contact", "complaint", "late_delivery", "return"] as const);
/** Index of each service event type. */
export const EVENT = Object.freeze({ contact: 0, complaint: 1, lateDelivery: 2, return: 3 });
